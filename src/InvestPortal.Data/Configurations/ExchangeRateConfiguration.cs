using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.HasKey(r => new { r.Currency, r.AsOf });
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.RateToCny).HasPrecision(20, 8);
    }
}
