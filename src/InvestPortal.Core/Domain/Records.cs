namespace InvestPortal.Core.Domain;

public class ExpressionOfInterest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? UserId { get; set; }
    public InterestRole Role { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string Message { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    /// <summary>Shared with the owner only once they acknowledge the expression of interest.</summary>
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>The owner's latest answer, shown to the interested party.</summary>
    public string? OwnerReply { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>Set when the submitting user deleted their account: the owner keeps the record, without personal data.</summary>
    public bool IsAnonymized { get; set; }
    public InterestStatus Status { get; set; } = InterestStatus.Submitted;
    /// <summary>With status Closed: one of InterestOutcomes' codes (agreed, declined, withdrawn, no-response).</summary>
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A stored query: the query model serialized as JSON, tested against each newly published opportunity.</summary>
public class SavedSearch
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string QueryJson { get; set; } = "{}";
    public AlertFrequency Frequency { get; set; } = AlertFrequency.Immediate;
    public string Culture { get; set; } = Cultures.En;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastNotifiedAt { get; set; }
}

/// <summary>Who did what, when: every lifecycle transition, import and admin action.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Reason { get; set; }
    public string? Details { get; set; }
}

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

/// <summary>How many CNY one unit of a currency was worth on a day.</summary>
public class ExchangeRate
{
    public string Currency { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public decimal RateToCny { get; set; }
}
