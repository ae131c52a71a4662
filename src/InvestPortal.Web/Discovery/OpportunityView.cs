using InvestPortal.Web.Localization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Discovery;

/// <summary>An opportunity as a reader in one language sees it: texts with fallback, taxonomy labels, formatted money.</summary>
public sealed record OpportunityView(
    Opportunity Entity, string Culture, string Title, string? Summary, string? Description,
    bool IsFallback, string TextCulture, string SectorLabel, string LocationLabel, string? PartnerRegionLabel,
    string? StageLabel, IReadOnlyList<string> ModeLabels, string Amount, string? MinTicket, string PublishedOn, string OrganizationName)
{
    public string Url => CultureUrls.Href(Culture, $"opportunities/{Entity.Slug}");

    public static OpportunityView Create(Opportunity o, string culture, PortalTaxonomy taxonomy)
    {
        var text = o.For(culture, out var fallback);
        var location = taxonomy.Location(o.LocationCode);
        var parent = taxonomy.Location(location?.Parent);
        var locationLabel = location is null ? o.LocationCode
            : parent is null ? location.Label(culture) : $"{location.Label(culture)}, {parent.Label(culture)}";
        return new OpportunityView(o, culture,
            text?.Title ?? o.ExternalRef, text?.Summary, text?.Description,
            fallback, text?.Culture ?? o.OriginalCulture,
            taxonomy.LabelOf(TaxonomyKind.Sector, o.SectorCode, culture) ?? o.SectorCode,
            locationLabel,
            taxonomy.LabelOf(TaxonomyKind.PartnerRegion, o.PartnerRegionCode, culture),
            taxonomy.LabelOf(TaxonomyKind.Stage, o.StageCode, culture),
            o.CooperationModes.Select(m => taxonomy.LabelOf(TaxonomyKind.Mode, m, culture) ?? m).ToList(),
            Formatting.Money(o.TotalAmount, o.Currency, culture),
            o.MinTicket is { } min ? Formatting.Money(min, o.Currency, culture) : null,
            Formatting.Date(o.PublishedAt, culture),
            o.Organization?.NameIn(culture) ?? "");
    }
}
