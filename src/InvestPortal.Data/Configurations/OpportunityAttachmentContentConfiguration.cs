using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class OpportunityAttachmentContentConfiguration : IEntityTypeConfiguration<OpportunityAttachmentContent>
{
    public void Configure(EntityTypeBuilder<OpportunityAttachmentContent> b)
    {
        b.HasKey(c => c.AttachmentId);
        // The bytes go with their row: deleting an attachment (or its listing) deletes them in the same statement.
        b.HasOne<OpportunityAttachment>().WithOne().HasForeignKey<OpportunityAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
