using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class ExpressionOfInterestConfiguration : IEntityTypeConfiguration<ExpressionOfInterest>
{
    public void Configure(EntityTypeBuilder<ExpressionOfInterest> b)
    {
        b.HasIndex(e => new { e.OpportunityId, e.OrganizationId });
        b.Property(e => e.Role).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.Message).HasMaxLength(4000);
        b.Property(e => e.ContactPerson).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(32);
        b.Property(e => e.ContactEmail).HasMaxLength(254);
        b.Property(e => e.ContactPhone).HasMaxLength(64);
        b.Property(e => e.OwnerReply).HasMaxLength(4000);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.HasIndex(e => e.UserId);
        b.HasOne(e => e.Opportunity).WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.FromState).HasMaxLength(32);
        b.Property(a => a.ToState).HasMaxLength(32);
        b.Property(a => a.Reason).HasMaxLength(2000);
    }
}

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

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.HasKey(r => new { r.Currency, r.AsOf });
        b.Property(r => r.Currency).HasMaxLength(3);
        b.Property(r => r.RateToCny).HasPrecision(20, 8);
    }
}
