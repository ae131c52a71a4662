using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// Where the bytes of attachments live. <see cref="AttachmentService"/> checks and describes files; a store only
/// keeps bytes under the attachment's id. Folder (DataPath/uploads, the SQLite default: one node) or database
/// (the PostgreSQL default: every web node sees every file). Chosen by Attachments:Store.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Takes the checked bytes of a new attachment from a temporary file (which the caller deletes afterwards).
    /// Runs inside the upload's transaction before its SaveChanges, so a database store commits bytes and row together.
    /// </summary>
    Task PutAsync(OpportunityAttachment attachment, string temporaryFile, CancellationToken ct);

    /// <summary>Undoes a <see cref="PutAsync"/> whose transaction did not commit.</summary>
    void Discard(OpportunityAttachment attachment);

    /// <summary>The bytes, or null when they are gone.</summary>
    Task<Stream?> OpenReadAsync(OpportunityAttachment attachment, CancellationToken ct);

    /// <summary>Called after the attachment's row was deleted: frees what the row's deletion did not take with it.</summary>
    void Deleted(OpportunityAttachment attachment);
}
