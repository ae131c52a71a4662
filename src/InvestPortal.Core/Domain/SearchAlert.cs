namespace InvestPortal.Core.Domain;

/// <summary>
/// One newly published opportunity that matched one saved search. Unique per pair, so an
/// opportunity alerts a search exactly once; SentAt is set by the immediate email or the digest.
/// </summary>
public class SearchAlert
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SavedSearchId { get; set; }
    public Guid OpportunityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? SentAt { get; set; }
}
