using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityTranslationConfiguration : IEntityTypeConfiguration<OpportunityTranslation>
{
    public void Configure(EntityTypeBuilder<OpportunityTranslation> b)
    {
        b.HasKey(t => new { t.OpportunityId, t.Culture });
        b.Property(t => t.Culture).HasMaxLength(2);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Summary).HasMaxLength(1000);
    }
}
