namespace InvestPortal.Core.Domain;

/// <summary>Per-day counters behind the owner's insight chart.</summary>
public class OpportunityDailyStat
{
    public Guid OpportunityId { get; set; }
    public DateOnly Day { get; set; }
    public int Views { get; set; }
    public int Interests { get; set; }
    public int Invitations { get; set; }
}
