using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class SearchAlertConfiguration : IEntityTypeConfiguration<SearchAlert>
{
    public void Configure(EntityTypeBuilder<SearchAlert> b)
    {
        b.HasIndex(a => new { a.SavedSearchId, a.OpportunityId }).IsUnique();
        b.HasIndex(a => a.SentAt);
        b.HasOne<SavedSearch>().WithMany().HasForeignKey(a => a.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
