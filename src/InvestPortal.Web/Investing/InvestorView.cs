using InvestPortal.Web.Localization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Investing;

/// <summary>A public investor profile in one language; contact details are deliberately not part of it.</summary>
public sealed record InvestorView(
    InvestorProfile Entity, string Culture, string Name, string? Description, bool IsFallback, string TextCulture,
    IReadOnlyList<string> SectorLabels, IReadOnlyList<string> LocationLabels, IReadOnlyList<string> ModeLabels,
    string? HomeRegionLabel, string? Ticket)
{
    public string Url => CultureUrls.Href(Culture, $"investors/{Entity.Slug}");

    public static InvestorView Create(InvestorProfile p, string culture, PortalTaxonomy taxonomy)
    {
        var text = p.For(culture, out var fallback);
        string? ticket = (p.TicketMin, p.TicketMax) switch
        {
            ({ } min, { } max) => $"{Formatting.Money(min, p.TicketCurrency, culture)} – {Formatting.Money(max, p.TicketCurrency, culture)}",
            ({ } min, null) => $"≥ {Formatting.Money(min, p.TicketCurrency, culture)}",
            (null, { } max) => $"≤ {Formatting.Money(max, p.TicketCurrency, culture)}",
            _ => null,
        };
        return new InvestorView(p, culture, text?.Name ?? p.ExternalRef, text?.Description, fallback, text?.Culture ?? p.OriginalCulture,
            p.Sectors.Select(s => taxonomy.LabelOf(TaxonomyKind.Sector, s, culture) ?? s).ToList(),
            p.Locations.Select(l => taxonomy.LabelOf(TaxonomyKind.Location, l, culture) ?? l).ToList(),
            p.CooperationModes.Select(m => taxonomy.LabelOf(TaxonomyKind.Mode, m, culture) ?? m).ToList(),
            taxonomy.LabelOf(TaxonomyKind.PartnerRegion, p.HomeRegion, culture), ticket);
    }
}
