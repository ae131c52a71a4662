using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.HasIndex(o => o.ExternalRef).IsUnique();
        b.HasIndex(o => o.Slug).IsUnique();
        b.HasIndex(o => new { o.Status, o.PublishedAt });
        b.HasIndex(o => o.OrganizationId);
        // The search rebuild reads published listings a page at a time by key (Status, then Id after the last one):
        // with only (Status, PublishedAt) SQLite chose that index and sorted every remaining published row for each page.
        b.HasIndex(o => new { o.Status, o.Id });
        b.Property(o => o.ExternalRef).HasMaxLength(64);
        b.Property(o => o.Slug).HasMaxLength(100);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.SectorCode).HasMaxLength(32);
        b.Property(o => o.LocationCode).HasMaxLength(16);
        b.Property(o => o.PartnerRegionCode).HasMaxLength(16);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.StageCode).HasMaxLength(32);
        b.Property(o => o.ContactEmail).HasMaxLength(254);
        b.Property(o => o.OriginalCulture).HasMaxLength(2);
        b.Property(o => o.RejectionReason).HasMaxLength(2000);
        b.Property(o => o.Outcome).HasMaxLength(32);
        b.Property(o => o.OutcomeCountry).HasMaxLength(2);
        b.Property(o => o.OutcomeCurrency).HasMaxLength(3);
        // The landed list and the funnel read closed listings by outcome.
        b.HasIndex(o => new { o.Status, o.Outcome });
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Translations).WithOne().HasForeignKey(t => t.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
