using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityBookmarkConfiguration : IEntityTypeConfiguration<OpportunityBookmark>
{
    public void Configure(EntityTypeBuilder<OpportunityBookmark> b)
    {
        b.HasKey(m => new { m.UserId, m.OpportunityId });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Decision).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
