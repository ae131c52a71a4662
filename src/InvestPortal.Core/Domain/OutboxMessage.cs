namespace InvestPortal.Core.Domain;

/// <summary>
/// A side effect that leaves the process (an email, an index update), written in the same
/// transaction as the change that caused it and dispatched later, so nothing is lost when
/// the mail server or search engine is down.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>What handles it, e.g. "email" or "index".</summary>
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    /// <summary>Unique: the same logical message is never enqueued twice, and is the Message-Id of an email.</summary>
    public string IdempotencyKey { get; set; } = "";
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset AvailableAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
