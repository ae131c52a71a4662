using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        // No foreign key to users: subscribers without an account are keyed by their address.
        b.HasKey(p => new { p.Subscriber, p.Topic });
        b.Property(p => p.Subscriber).HasMaxLength(320);
        b.Property(p => p.Topic).HasMaxLength(64);
        b.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(16);
    }
}
