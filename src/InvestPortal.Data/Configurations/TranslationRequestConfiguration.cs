using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class TranslationRequestConfiguration : IEntityTypeConfiguration<TranslationRequest>
{
    public void Configure(EntityTypeBuilder<TranslationRequest> b)
    {
        b.Property(r => r.Culture).HasMaxLength(2);
        // Once per person and listing, also for two clicks arriving at once.
        b.HasIndex(r => new { r.OpportunityId, r.UserId }).IsUnique();
        b.HasIndex(r => r.NotifiedAt);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account removes the person's requests with it.
        b.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
