using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.Slug).IsUnique();
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.Slug).HasMaxLength(100);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.NameZh).HasMaxLength(200);
        b.Property(o => o.NameRu).HasMaxLength(200);
        b.Property(o => o.NameEn).HasMaxLength(200);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.RegistrationNumber).HasMaxLength(64);
        b.Property(o => o.Website).HasMaxLength(300);
    }
}
