using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class BorderCrossingCorrectionConfiguration : IEntityTypeConfiguration<BorderCrossingCorrection>
{
    public void Configure(EntityTypeBuilder<BorderCrossingCorrection> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(64);
        foreach (var name in new[] { nameof(BorderCrossingCorrection.NameZh), nameof(BorderCrossingCorrection.NameRu), nameof(BorderCrossingCorrection.NameEn),
                     nameof(BorderCrossingCorrection.CounterpartZh), nameof(BorderCrossingCorrection.CounterpartRu), nameof(BorderCrossingCorrection.CounterpartEn) })
            b.Property<string?>(name).HasMaxLength(BorderCrossingCorrection.MaxName);
        b.Property(c => c.SourceNote).HasMaxLength(BorderCrossingCorrection.MaxSourceNote);
    }
}
