namespace InvestPortal.Core.Domain;

public class Opportunity : ITranslated<OpportunityTranslation>
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The key of the import format: importing the same ref again updates.</summary>
    public string ExternalRef { get; set; } = "";
    public string Slug { get; set; } = "";
    public OpportunityStatus Status { get; set; } = OpportunityStatus.Draft;
    public string SectorCode { get; set; } = "";
    public string LocationCode { get; set; } = "";
    /// <summary>
    /// The official's own point (WGS 84 degrees, inside the province), both or neither; without it the listing stands at
    /// its location's position (<see cref="Geography.ListingPosition"/>).
    /// </summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? PartnerRegionCode { get; set; }
    public decimal TotalAmount { get; set; }
    /// <summary>ISO 4217, kept exactly as entered; comparisons go through the rate table.</summary>
    public string Currency { get; set; } = "CNY";
    public decimal? MinTicket { get; set; }
    public List<string> CooperationModes { get; set; } = [];
    public string? StageCode { get; set; }
    public List<string> Tags { get; set; } = [];
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string ContactEmail { get; set; } = "";
    public string OriginalCulture { get; set; } = Cultures.Zh;
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public int ViewCount { get; set; }
    public int InterestCount { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>
    /// A substantive edit of a published opportunity waiting for review, as the editor's field set
    /// serialized to JSON; the published text stays visible until an admin approves it.
    /// </summary>
    public string? PendingRevisionJson { get; set; }
    public DateTimeOffset? PendingRevisionAt { get; set; }
    /// <summary>The fields as last approved, so moderators can diff a resubmission against what the public saw.</summary>
    public string? PublishedSnapshotJson { get; set; }
    /// <summary>When the owner last confirmed the listing is still current (publication counts as a confirmation).</summary>
    public DateTimeOffset? LastConfirmedAt { get; set; }
    /// <summary>Set when the "please confirm or update" reminder went out for the current confirmation period.</summary>
    public DateTimeOffset? ExpiryReminderSentAt { get; set; }
    /// <summary>Loaded from content/demo: shown with a "demo" badge so nobody mistakes it for a real listing.</summary>
    public bool IsDemo { get; set; }
    /// <summary>When the listing was closed (by its owner, or by expiry); the funnel counts landings by this month.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>With status Closed: one of ListingOutcomes' codes; null for listings closed before outcomes were recorded.</summary>
    public string? Outcome { get; set; }
    /// <summary>A landed listing's investor country (ISO 3166-1 alpha-2), when the owner gave it.</summary>
    public string? OutcomeCountry { get; set; }
    /// <summary>The amount the investor committed to a landed listing, in <see cref="OutcomeCurrency"/>, when the owner gave it.</summary>
    public decimal? OutcomeAmount { get; set; }
    public string? OutcomeCurrency { get; set; }
    /// <summary>Optimistic concurrency: two officials editing at once must not overwrite each other silently.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
    public ICollection<OpportunityTranslation> Translations { get; set; } = [];
}
