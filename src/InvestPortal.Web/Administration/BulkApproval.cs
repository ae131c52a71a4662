namespace InvestPortal.Web.Administration;

/// <summary>A bulk approval: the message key for the whole ("Moderation.BulkAllApproved"…) and a line per listing.</summary>
public sealed record BulkApproval(string MessageKey, IReadOnlyList<BulkApprovalLine> Lines);
