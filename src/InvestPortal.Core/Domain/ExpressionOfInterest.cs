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
    /// <summary>The owner's first answer of any kind (acknowledging, a reply, a step): the funnel's reply time ends here.</summary>
    public DateTimeOffset? FirstReplyAt { get; set; }
    /// <summary>When the owner moved the interest into discussion; kept when it is closed later, so the funnel still counts it.</summary>
    public DateTimeOffset? DiscussionAt { get; set; }
    /// <summary>Set once, when the owner's officials were reminded of an unanswered interest.</summary>
    public DateTimeOffset? OwnerReminderSentAt { get; set; }
    /// <summary>Set once, when the admins were told the interest is still unanswered after the reminder.</summary>
    public DateTimeOffset? AdminAlertSentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
