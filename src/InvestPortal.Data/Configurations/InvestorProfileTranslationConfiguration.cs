using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class InvestorProfileTranslationConfiguration : IEntityTypeConfiguration<InvestorProfileTranslation>
{
    public void Configure(EntityTypeBuilder<InvestorProfileTranslation> b)
    {
        b.HasKey(t => new { t.InvestorProfileId, t.Culture });
        b.Property(t => t.Culture).HasMaxLength(2);
        b.Property(t => t.Name).HasMaxLength(200);
    }
}
