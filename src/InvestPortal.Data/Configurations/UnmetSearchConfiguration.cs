using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class UnmetSearchConfiguration : IEntityTypeConfiguration<UnmetSearch>
{
    public void Configure(EntityTypeBuilder<UnmetSearch> b)
    {
        b.Property(s => s.Query).HasMaxLength(200);
        b.Property(s => s.Culture).HasMaxLength(2);
        b.Property(s => s.Filters).HasMaxLength(1000);
        // The key of the aggregate: several nodes flushing the same search meet here and add to one row.
        b.HasIndex(s => new { s.Query, s.Culture, s.Filters }).IsUnique();
    }
}
