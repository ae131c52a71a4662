namespace InvestPortal.Web.Administration;

/// <summary>One listing's outcome in a bulk approval, carried to the next page as JSON.</summary>
public sealed record BulkApprovalLine(string Title, string MessageKey, bool Ok);
