using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.HasIndex(s => s.UserId);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Culture).HasMaxLength(2);
    }
}
