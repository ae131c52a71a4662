using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// The bytes in OpportunityAttachmentContents, one row per attachment (at most Attachments:MaxBytes, 10 MB by
/// default), written in the upload's transaction and deleted by cascade with the attachment's row: every web node
/// serves every file, and a database backup holds them. Files uploaded to the folder before the switch are still
/// served from it by the node that has them.
/// </summary>
public sealed class DatabaseAttachmentStore(PortalDbContext db, FolderAttachmentStore folder) : IAttachmentStore
{
    public async Task PutAsync(OpportunityAttachment attachment, string temporaryFile, CancellationToken ct) =>
        db.OpportunityAttachmentContents.Add(new OpportunityAttachmentContent
        {
            AttachmentId = attachment.Id, Bytes = await File.ReadAllBytesAsync(temporaryFile, ct),
        });

    // Nothing to undo: the bytes were in the transaction that did not commit.
    public void Discard(OpportunityAttachment attachment) { }

    public async Task<Stream?> OpenReadAsync(OpportunityAttachment attachment, CancellationToken ct)
    {
        var bytes = await db.OpportunityAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachment.Id)
            .Select(c => c.Bytes).FirstOrDefaultAsync(ct);
        return bytes is null ? await folder.OpenReadAsync(attachment, ct) : new MemoryStream(bytes, writable: false);
    }

    // The content row went with the attachment's (cascade); a file from before the switch may remain in the folder.
    public void Deleted(OpportunityAttachment attachment) => folder.Deleted(attachment);
}
