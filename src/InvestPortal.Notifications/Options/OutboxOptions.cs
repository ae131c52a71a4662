using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Notifications.Options;

/// <summary>Section "Outbox": how the dispatcher polls, claims and retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the background dispatcher in this process (off on a node that should only serve pages).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
    /// <summary>After this many failed attempts a message is Dead: visible to admins, retried only by hand.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Delay after the first failure; each further failure doubles it (with jitter) up to MaxDelay.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// How long a claim stays exclusive without renewal. A live dispatcher renews the leases of its batch
    /// every third of this while it works, however long a message takes; a crashed node stops renewing,
    /// so its messages (index updates, emails) are taken over by another node within this time. Short,
    /// so the search index catches up within seconds of a crash; long enough to ride out a database hiccup.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>
    /// Longest one message may be handled (cancelled after it). A handler still running past it counts as
    /// hung: its dispatcher stops renewing leases and another node takes the batch over.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
