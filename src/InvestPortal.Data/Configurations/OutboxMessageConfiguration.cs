using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.Status, m.AvailableAt });
        b.Property(m => m.Kind).HasMaxLength(32);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.LockedBy).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(4000);
    }
}
