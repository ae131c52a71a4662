namespace InvestPortal.Notifications.Email;

/// <summary>Groups of emails a person can switch off together (rows of NotificationPreference).</summary>
public static class NotificationTopics
{
    /// <summary>Confirmation and password reset: essential, never switched off.</summary>
    public const string Account = "account";
    public const string Moderation = "moderation";
    public const string OpportunityStatus = "opportunity-status";
    public const string Interests = "interests";
    public const string SavedSearches = "saved-searches";
    public const string Invitations = "invitations";

    /// <summary>The topics a preferences page offers (Account is not optional).</summary>
    public static readonly IReadOnlyList<string> Optional = [Moderation, OpportunityStatus, Interests, SavedSearches, Invitations];
}
