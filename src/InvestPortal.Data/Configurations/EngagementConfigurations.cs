using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityAttachmentConfiguration : IEntityTypeConfiguration<OpportunityAttachment>
{
    public void Configure(EntityTypeBuilder<OpportunityAttachment> b)
    {
        b.HasIndex(a => a.OpportunityId);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(450);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityDailyStatConfiguration : IEntityTypeConfiguration<OpportunityDailyStat>
{
    public void Configure(EntityTypeBuilder<OpportunityDailyStat> b)
    {
        b.HasKey(s => new { s.OpportunityId, s.Day });
        b.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityInvitationConfiguration : IEntityTypeConfiguration<OpportunityInvitation>
{
    public void Configure(EntityTypeBuilder<OpportunityInvitation> b)
    {
        b.HasIndex(i => new { i.OpportunityId, i.InvestorProfileId }).IsUnique();
        b.Property(i => i.InvitedBy).HasMaxLength(450);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InvestorProfile>().WithMany().HasForeignKey(i => i.InvestorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityBookmarkConfiguration : IEntityTypeConfiguration<OpportunityBookmark>
{
    public void Configure(EntityTypeBuilder<OpportunityBookmark> b)
    {
        b.HasKey(m => new { m.UserId, m.OpportunityId });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Decision).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchAlertConfiguration : IEntityTypeConfiguration<SearchAlert>
{
    public void Configure(EntityTypeBuilder<SearchAlert> b)
    {
        b.HasIndex(a => new { a.SavedSearchId, a.OpportunityId }).IsUnique();
        b.HasIndex(a => a.SentAt);
        b.HasOne<SavedSearch>().WithMany().HasForeignKey(a => a.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
