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

/// <summary>Per-day counters behind the owner's insight chart.</summary>
public class OpportunityDailyStat
{
    public Guid OpportunityId { get; set; }
    public DateOnly Day { get; set; }
    public int Views { get; set; }
    public int Interests { get; set; }
    public int Invitations { get; set; }
}

/// <summary>An official invited a matching investor to look at an opportunity (sent once per pair).</summary>
public class OpportunityInvitation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public Guid InvestorProfileId { get; set; }
    public string? InvitedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum OpportunityDecision { Shortlisted, Dismissed }

/// <summary>An investor's own verdict on an opportunity: kept on the shortlist, or hidden from "matches for you".</summary>
public class OpportunityBookmark
{
    public string UserId { get; set; } = "";
    public Guid OpportunityId { get; set; }
    public OpportunityDecision Decision { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// One newly published opportunity that matched one saved search. Unique per pair, so an
/// opportunity alerts a search exactly once; SentAt is set by the immediate email or the digest.
/// </summary>
public class SearchAlert
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SavedSearchId { get; set; }
    public Guid OpportunityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>An admin's wording of a taxonomy label, overriding content/taxonomy.json for one code in one culture.</summary>
public class TaxonomyLabel
{
    /// <summary>sector, location, region, mode or stage.</summary>
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Culture { get; set; } = "";
    public string Label { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
