using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityInvitationConfiguration : IEntityTypeConfiguration<OpportunityInvitation>
{
    public void Configure(EntityTypeBuilder<OpportunityInvitation> b)
    {
        b.HasIndex(i => new { i.OpportunityId, i.InvestorProfileId }).IsUnique();
        b.Property(i => i.InvitedBy).HasMaxLength(450);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InvestorProfile>().WithMany().HasForeignKey(i => i.InvestorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
