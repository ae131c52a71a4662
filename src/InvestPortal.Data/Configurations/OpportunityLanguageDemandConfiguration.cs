using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityLanguageDemandConfiguration : IEntityTypeConfiguration<OpportunityLanguageDemand>
{
    public void Configure(EntityTypeBuilder<OpportunityLanguageDemand> b)
    {
        b.HasKey(d => new { d.OpportunityId, d.Month, d.Culture });
        b.Property(d => d.Culture).HasMaxLength(2);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(d => d.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
