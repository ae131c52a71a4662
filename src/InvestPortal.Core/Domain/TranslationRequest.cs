namespace InvestPortal.Core.Domain;

/// <summary>
/// A signed-in reader asked for a listing in their language; one per person and listing. It counts as
/// answered once the published listing has a text in that language (worked out when read, so it is never stale).
/// </summary>
public class TranslationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public string UserId { get; set; } = "";
    public string Culture { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>When the owners' digest told the officials about it; null while it waits for the next digest.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }
}
