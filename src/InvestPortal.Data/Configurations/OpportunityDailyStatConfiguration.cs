using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityDailyStatConfiguration : IEntityTypeConfiguration<OpportunityDailyStat>
{
    public void Configure(EntityTypeBuilder<OpportunityDailyStat> b)
    {
        b.HasKey(s => new { s.OpportunityId, s.Day });
        b.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
