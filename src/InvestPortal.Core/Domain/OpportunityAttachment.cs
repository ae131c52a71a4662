namespace InvestPortal.Core.Domain;

/// <summary>A file an official attached to an opportunity (PDF brochure or JPEG/PNG image), stored under DataPath.</summary>
public class OpportunityAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    /// <summary>The name as uploaded, cleaned of path parts; only ever shown, never used to build a path.</summary>
    public string FileName { get; set; } = "";
    /// <summary>Decided from the file's first bytes, not from its name or the browser's claim.</summary>
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public string? UploadedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>
    /// Added to a listing that was already published: only its owners and admins see it until an admin approves
    /// the listing's pending revision, like any other change to what the public reads.
    /// </summary>
    public bool IsPendingReview { get; set; }
}
