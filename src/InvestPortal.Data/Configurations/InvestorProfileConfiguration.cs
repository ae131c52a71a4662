using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class InvestorProfileConfiguration : IEntityTypeConfiguration<InvestorProfile>
{
    public void Configure(EntityTypeBuilder<InvestorProfile> b)
    {
        b.HasIndex(p => p.ExternalRef).IsUnique();
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.UserId);
        b.Property(p => p.ExternalRef).HasMaxLength(64);
        b.Property(p => p.Slug).HasMaxLength(100);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Visibility).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Country).HasMaxLength(2);
        b.Property(p => p.HomeRegion).HasMaxLength(16);
        b.Property(p => p.TicketCurrency).HasMaxLength(3);
        b.Property(p => p.ContactEmail).HasMaxLength(254);
        b.Property(p => p.OriginalCulture).HasMaxLength(2);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Translations).WithOne().HasForeignKey(t => t.InvestorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
