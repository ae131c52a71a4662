using System.Security.Claims;
using System.Security.Cryptography;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Attachments;

/// <summary>
/// Files of opportunities: checked by content, described by one row each, their bytes kept by the configured
/// <see cref="IAttachmentStore"/> (this node's folder, or the database every node shares).
/// </summary>
public sealed class AttachmentService(PortalDbContext db, PortalPaths paths, IOptions<AttachmentOptions> options,
    OwnedOpportunities owned, OpportunityPublisher publisher, TimeProvider clock, IAttachmentStore store)
{
    public AttachmentOptions Limits => options.Value;

    /// <summary>The files of a listing; those still waiting for review only when <paramref name="includePending"/> (owners, admins).</summary>
    public Task<List<OpportunityAttachment>> ListAsync(Guid opportunityId, bool includePending, CancellationToken ct = default) =>
        db.OpportunityAttachments.AsNoTracking().Where(a => a.OpportunityId == opportunityId && (includePending || !a.IsPendingReview))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.FileName).ToListAsync(ct);

    /// <summary>Checks and stores one file on an opportunity the caller already may edit.</summary>
    public async Task<FileRejection?> AddAsync(Opportunity opportunity, IFormFile file, Actor actor, CancellationToken ct = default)
    {
        if (file.Length == 0) return FileRejection.Empty;
        if (file.Length > Limits.MaxBytes) return FileRejection.TooLarge;
        if (await db.OpportunityAttachments.CountAsync(a => a.OpportunityId == opportunity.Id, ct) >= Limits.MaxFiles) return FileRejection.TooMany;

        var attachment = new OpportunityAttachment
        {
            OpportunityId = opportunity.Id, UploadedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
            IsPendingReview = opportunity.Status == OpportunityStatus.Published,
        };
        // Received into this node's folder first (checked and hashed on the way), then handed to the store.
        Directory.CreateDirectory(paths.Uploads);
        var temporary = Path.Combine(paths.Uploads, attachment.Id.ToString("N") + ".part");
        var stored = false;
        try
        {
            // Copied with our own count: the declared Length is the client's word, the bytes are not.
            long length;
            byte[] hash;
            var header = new byte[FileSniffer.HeaderLength];
            var headerLength = 0;
            await using (var source = file.OpenReadStream())
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                length = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > Limits.MaxBytes) return FileRejection.TooLarge;
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = sha.GetHashAndReset();
            }
            var (contentType, rejection) = FileSniffer.Sniff(header.AsSpan(0, headerLength));
            if (rejection is not null) return rejection;

            attachment.ContentType = contentType!;
            attachment.Length = length;
            attachment.Sha256 = Convert.ToHexStringLower(hash);
            attachment.FileName = FileSniffer.CleanFileName(file.FileName, contentType!);

            // The count above was only a quick answer: parallel uploads all pass it. Here the listing's row is written
            // first in the transaction, which locks it (PostgreSQL) or the database (SQLite) until commit, so uploads
            // to one listing are counted and inserted one at a time and the limit holds.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Opportunities.Where(o => o.Id == opportunity.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.InterestCount, o => o.InterestCount), ct);
            if (await db.OpportunityAttachments.CountAsync(a => a.OpportunityId == opportunity.Id, ct) >= Limits.MaxFiles)
                return FileRejection.TooMany;
            db.OpportunityAttachments.Add(attachment);
            await store.PutAsync(attachment, temporary, ct);
            stored = true;
            // A file added to a published listing waits for review like an edit, and is published with that revision.
            if (attachment.IsPendingReview) await publisher.StageFileForReviewAsync(opportunity, actor, ct);
            db.Audit("opportunity.attachment.add", "opportunity", opportunity.Id.ToString(), actor.UserName,
                details: $"{attachment.Id} {attachment.ContentType} {attachment.Length} {attachment.FileName}", userId: actor.UserId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch
        {
            if (stored) store.Discard(attachment);
            throw;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Removes an attachment of an opportunity the caller may edit; false when it is not on that opportunity.</summary>
    public async Task<bool> DeleteAsync(Opportunity opportunity, Guid attachmentId, Actor actor, CancellationToken ct = default)
    {
        var attachment = await db.OpportunityAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.OpportunityId == opportunity.Id, ct);
        if (attachment is null) return false;
        db.OpportunityAttachments.Remove(attachment);
        db.Audit("opportunity.attachment.delete", "opportunity", opportunity.Id.ToString(), actor.UserName,
            details: $"{attachment.Id} {attachment.FileName}", userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        store.Deleted(attachment);
        return true;
    }

    /// <summary>
    /// An attachment the user may download: any approved one of a published listing, otherwise only for
    /// officials of the owner organization and admins. Null means 404 for everything else.
    /// </summary>
    public async Task<OpportunityAttachment?> FindReadableAsync(Guid attachmentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await db.OpportunityAttachments.AsNoTracking()
            .Join(db.Opportunities, a => a.OpportunityId, o => o.Id, (a, o) => new { Attachment = a, o.Status, o.OrganizationId })
            .FirstOrDefaultAsync(x => x.Attachment.Id == attachmentId, ct);
        if (found is null) return null;
        var isPublic = found.Status == OpportunityStatus.Published && !found.Attachment.IsPendingReview;
        return !isPublic && !await owned.MayEditListingsOfAsync(found.OrganizationId, user, ct) ? null : found.Attachment;
    }

    /// <summary>The bytes of an attachment <see cref="FindReadableAsync"/> returned; null when the store lost them.</summary>
    public Task<Stream?> OpenReadAsync(OpportunityAttachment attachment, CancellationToken ct = default) => store.OpenReadAsync(attachment, ct);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { /* best effort: an orphan file is unreachable without its row */ }
    }
}
