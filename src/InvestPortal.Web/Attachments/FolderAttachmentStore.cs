using InvestPortal.Core.Domain;
using InvestPortal.Data;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// DataPath/uploads/{opportunityId}/{attachmentId}: two GUIDs the server made, so no uploaded name can reach the
/// file system. One node only (or a folder every node mounts): another node's disk does not have the file.
/// </summary>
public sealed class FolderAttachmentStore(PortalPaths paths) : IAttachmentStore
{
    public Task PutAsync(OpportunityAttachment attachment, string temporaryFile, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(paths.Uploads, attachment.OpportunityId.ToString("N")));
        File.Move(temporaryFile, PathOf(attachment));
        return Task.CompletedTask;
    }

    public void Discard(OpportunityAttachment attachment) => TryDelete(PathOf(attachment));

    public Task<Stream?> OpenReadAsync(OpportunityAttachment attachment, CancellationToken ct)
    {
        var path = PathOf(attachment);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    // The row is gone first: a file left behind by a crash is unreachable, never a row without its file.
    public void Deleted(OpportunityAttachment attachment) => TryDelete(PathOf(attachment));

    private string PathOf(OpportunityAttachment a) =>
        Path.Combine(paths.Uploads, a.OpportunityId.ToString("N"), a.Id.ToString("N"));

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { /* best effort: an orphan file is unreachable without its row */ }
    }
}
