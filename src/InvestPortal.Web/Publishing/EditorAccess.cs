namespace InvestPortal.Web.Publishing;

/// <summary>Whether a user may open the listing editor: 403 for non-officials, 404 for ids that are not theirs.</summary>
public enum EditorAccess { Open, NotFound, Forbidden }
