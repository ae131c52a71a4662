namespace InvestPortal.Core.Domain;

/// <summary>
/// The bytes of an attachment when they live in the database (Attachments:Store=Database, the default with
/// PostgreSQL) so that every web node serves every file. Kept apart from <see cref="OpportunityAttachment"/>
/// so that listing a listing's files never reads the bytes.
/// </summary>
public class OpportunityAttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
