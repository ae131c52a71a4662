namespace InvestPortal.Core.Domain;

/// <summary>
/// Whether one subscriber still wants one topic of non-essential email (and, for alert topics,
/// how often). No row means "yes, at the default frequency", so new users need no seeding.
/// </summary>
public class NotificationPreference
{
    /// <summary>
    /// A user id, or <c>email:</c> + the lower-cased address for people without an account
    /// (an investor invited by an official), so they too can stop emails with one click.
    /// </summary>
    public string Subscriber { get; set; } = "";
    /// <summary>A topic such as "interests" (Notifications' NotificationTopics lists them).</summary>
    public string Topic { get; set; } = "";
    public bool Enabled { get; set; } = true;
    /// <summary>For alert topics: immediately, or gathered into a daily or weekly digest.</summary>
    public AlertFrequency Frequency { get; set; } = AlertFrequency.Immediate;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
