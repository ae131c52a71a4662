namespace InvestPortal.Core.Domain;

/// <summary>An investor's own verdict on an opportunity: kept on the shortlist, or hidden from "matches for you".</summary>
public class OpportunityBookmark
{
    public string UserId { get; set; } = "";
    public Guid OpportunityId { get; set; }
    public OpportunityDecision Decision { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
