using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class TaxonomyLabelConfiguration : IEntityTypeConfiguration<TaxonomyLabel>
{
    public void Configure(EntityTypeBuilder<TaxonomyLabel> b)
    {
        b.HasKey(l => new { l.Kind, l.Code, l.Culture });
        b.Property(l => l.Kind).HasMaxLength(16);
        b.Property(l => l.Code).HasMaxLength(32);
        b.Property(l => l.Culture).HasMaxLength(2);
        b.Property(l => l.Label).HasMaxLength(200);
    }
}
