namespace InvestPortal.Notifications.Email;

/// <summary>Every email the portal sends; each has content/email/{name}.{zh|ru|en}.txt.</summary>
public static class EmailTemplates
{
    public const string AccountConfirmEmail = "account-confirm-email";
    public const string AccountPasswordReset = "account-password-reset";
    public const string AccountAlreadyRegistered = "account-already-registered";
    public const string OpportunitySubmitted = "opportunity-submitted";
    public const string OpportunityApproved = "opportunity-approved";
    public const string OpportunityRejected = "opportunity-rejected";
    public const string OpportunityClosed = "opportunity-closed";
    public const string OpportunityExpiryReminder = "opportunity-expiry-reminder";
    public const string InterestReceived = "interest-received";
    public const string InterestAcknowledged = "interest-acknowledged";
    public const string InterestStatusChanged = "interest-status-changed";
    public const string InterestWithdrawn = "interest-withdrawn";
    public const string InterestReplyReminder = "interest-reply-reminder";
    public const string InterestReplyOverdue = "interest-reply-overdue";
    public const string SavedSearchMatch = "saved-search-match";
    public const string SavedSearchDigest = "saved-search-digest";
    public const string InvestorInvitation = "investor-invitation";
    public const string TranslationRequests = "translation-requests";

    private static readonly Dictionary<string, string> Topics = new(StringComparer.Ordinal)
    {
        [AccountConfirmEmail] = NotificationTopics.Account,
        [AccountPasswordReset] = NotificationTopics.Account,
        [AccountAlreadyRegistered] = NotificationTopics.Account,
        [OpportunitySubmitted] = NotificationTopics.Moderation,
        [OpportunityApproved] = NotificationTopics.OpportunityStatus,
        [OpportunityRejected] = NotificationTopics.OpportunityStatus,
        [OpportunityClosed] = NotificationTopics.OpportunityStatus,
        [OpportunityExpiryReminder] = NotificationTopics.OpportunityStatus,
        [InterestReceived] = NotificationTopics.Interests,
        [InterestAcknowledged] = NotificationTopics.Interests,
        [InterestStatusChanged] = NotificationTopics.Interests,
        [InterestWithdrawn] = NotificationTopics.Interests,
        [InterestReplyReminder] = NotificationTopics.Interests,
        [InterestReplyOverdue] = NotificationTopics.Moderation,
        [SavedSearchMatch] = NotificationTopics.SavedSearches,
        [SavedSearchDigest] = NotificationTopics.SavedSearches,
        [InvestorInvitation] = NotificationTopics.Invitations,
        [TranslationRequests] = NotificationTopics.OpportunityStatus,
    };

    public static IReadOnlyCollection<string> All => Topics.Keys;

    /// <summary>The preference topic a template belongs to: unsubscribing stops the whole topic, as a list would.</summary>
    public static string TopicOf(string template) =>
        Topics.TryGetValue(template, out var topic) ? topic : throw new ArgumentException($"Unknown email template '{template}'.", nameof(template));
}
