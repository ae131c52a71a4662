namespace InvestPortal.Core.Domain;

/// <summary>An official invited a matching investor to look at an opportunity (sent once per pair).</summary>
public class OpportunityInvitation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public Guid InvestorProfileId { get; set; }
    public string? InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
