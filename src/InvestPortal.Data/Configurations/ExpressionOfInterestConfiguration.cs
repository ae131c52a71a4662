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
        // The reply reminder looks for open interests nobody answered, oldest first.
        b.HasIndex(e => new { e.FirstReplyAt, e.CreatedAt });
        b.HasOne(e => e.Opportunity).WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
