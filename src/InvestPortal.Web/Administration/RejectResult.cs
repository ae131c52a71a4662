namespace InvestPortal.Web.Administration;

/// <summary>A rejection: the decision taken, or, when the reason could not be sent, no decision and the localized <see cref="ReasonError"/>.</summary>
public sealed record RejectResult(DecisionResult? Decision, string? ReasonError);
