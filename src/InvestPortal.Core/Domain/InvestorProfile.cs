namespace InvestPortal.Core.Domain;

public class InvestorProfile : ITranslated<InvestorProfileTranslation>
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string ExternalRef { get; set; } = "";
    public string Slug { get; set; } = "";
    /// <summary>The account that keeps this profile; imported profiles have none until claimed.</summary>
    public string? UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public InvestorKind Kind { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";
    public string? HomeRegion { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public decimal? TicketMin { get; set; }
    public decimal? TicketMax { get; set; }
    public string TicketCurrency { get; set; } = "CNY";
    public List<string> CooperationModes { get; set; } = [];
    public string? ContactEmail { get; set; }
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Public;
    public string OriginalCulture { get; set; } = Cultures.En;
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public ICollection<InvestorProfileTranslation> Translations { get; set; } = [];
}
