namespace InvestPortal.Web.Landing;

/// <summary>The outcome fields shared by the owner's close form and the admin's correction form (see _OutcomeFields.cshtml).</summary>
public sealed record OutcomeFieldsModel(ListingOutcomeInput Input, IReadOnlyList<string> Choices, string Culture);
