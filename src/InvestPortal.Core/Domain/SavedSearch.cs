namespace InvestPortal.Core.Domain;

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
