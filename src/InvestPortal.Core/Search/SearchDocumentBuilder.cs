using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Core.Search;

/// <summary>
/// The one index-document builder both engines use. Refuses what must never be found: only Published
/// opportunities and Public investor profiles yield an indexable document (<c>Build</c> returns null for the
/// rest, and the indexer deletes them). <c>ForMatching</c> builds the same shape for any state, to be used as
/// the query side of matching (an official's draft, an investor's hidden profile) — never to be indexed.
/// </summary>
public sealed class SearchDocumentBuilder(SearchSemantics semantics)
{
    private const string LabelSeparator = " · ";

    public static bool IsIndexable(Opportunity o) => o.Status == OpportunityStatus.Published;
    public static bool IsIndexable(InvestorProfile p) => p.Visibility == ProfileVisibility.Public;

    public OpportunityDocument? Build(Opportunity o) => IsIndexable(o) ? ForMatching(o) : null;
    public InvestorDocument? Build(InvestorProfile p) => IsIndexable(p) ? ForMatching(p) : null;

    public OpportunityDocument ForMatching(Opportunity o)
    {
        var taxonomy = semantics.Taxonomy;
        var rates = semantics.Rates;
        var texts = o.Translations
            .Where(t => Cultures.IsSupported(t.Culture) && !string.IsNullOrWhiteSpace(t.Title))
            .GroupBy(t => t.Culture)
            .ToDictionary(g => g.Key, g => new OpportunityText(g.First().Title, g.First().Summary, g.First().Description));
        var locationPath = LocationPath(taxonomy, o.LocationCode);
        var labels = Cultures.All.ToDictionary(c => c, c => string.Join(LabelSeparator, new[]
            {
                taxonomy.LabelOf(TaxonomyKind.Sector, o.SectorCode, c),
                taxonomy.LabelOf(TaxonomyKind.PartnerRegion, o.PartnerRegionCode, c),
                taxonomy.LabelOf(TaxonomyKind.Stage, o.StageCode, c),
            }
            .Concat(locationPath.Select(l => taxonomy.LabelOf(TaxonomyKind.Location, l, c)))
            .Concat(o.CooperationModes.Select(m => taxonomy.LabelOf(TaxonomyKind.Mode, m, c)))
            .Where(l => !string.IsNullOrWhiteSpace(l))));
        var known = rates.Knows(o.Currency);
        var position = ListingPosition.Of(o, taxonomy);
        var nearby = position is { } at ? semantics.Crossings.Within(at, BorderCrossings.IndexedRadiusKm) : [];
        var nearest = position is { } from ? semantics.Crossings.Nearest(from, 1) : [];
        return new OpportunityDocument
        {
            Id = o.Id,
            ExternalRef = o.ExternalRef,
            Slug = o.Slug,
            OriginalCulture = o.OriginalCulture,
            Texts = texts,
            Labels = labels,
            Tags = [.. o.Tags],
            Sector = o.SectorCode,
            Location = o.LocationCode,
            LocationPath = locationPath,
            PartnerRegion = o.PartnerRegionCode,
            Modes = [.. o.CooperationModes.Distinct()],
            Stage = o.StageCode,
            Amount = o.TotalAmount,
            Currency = o.Currency,
            AmountCny = known ? decimal.Round(rates.ToCny(o.TotalAmount, o.Currency), 2) : null,
            MinTicketCny = known && o.MinTicket is { } min ? decimal.Round(rates.ToCny(min, o.Currency), 2) : null,
            PublishedAt = o.PublishedAt ?? o.UpdatedAt,
            Concepts = semantics.Glossary.ConceptsIn(
                texts.Values.SelectMany(t => new[] { t.Title, t.Summary, t.Description }).Concat(o.Tags)),
            IsDemo = o.IsDemo,
            Position = position,
            NearestCrossingKm = nearest.Count > 0 ? Math.Round(nearest[0].DistanceKm, 1) : null,
            CrossingBands = nearby.Count > 0
                ? [.. BorderCrossings.DistanceBands.Where(b => nearby[0].DistanceKm <= b).Select(b => b.ToString(CultureInfo.InvariantCulture))]
                : [],
            NearbyCrossings = [.. nearby.Select(n => n.Crossing.Code)],
            CrossingBandKeys = [.. nearby.SelectMany(n => BorderCrossings.DistanceBands.Where(b => n.DistanceKm <= b)
                .Select(b => OpportunitySearchPlan.CrossingKey(n.Crossing.Code, b)))],
        };
    }

    public InvestorDocument ForMatching(InvestorProfile p)
    {
        var taxonomy = semantics.Taxonomy;
        var rates = semantics.Rates;
        var texts = p.Translations
            .Where(t => Cultures.IsSupported(t.Culture) && !string.IsNullOrWhiteSpace(t.Name))
            .GroupBy(t => t.Culture)
            .ToDictionary(g => g.Key, g => new InvestorText(g.First().Name, g.First().Description));
        var path = p.Locations.SelectMany(l => LocationPath(taxonomy, l)).Distinct().ToList();
        var scope = path.Concat(p.Locations.SelectMany(taxonomy.LocationWithChildren)).Distinct().ToList();
        var labels = Cultures.All.ToDictionary(c => c, c => string.Join(LabelSeparator,
            p.Sectors.Select(s => taxonomy.LabelOf(TaxonomyKind.Sector, s, c))
                .Concat(path.Select(l => taxonomy.LabelOf(TaxonomyKind.Location, l, c)))
                .Append(taxonomy.LabelOf(TaxonomyKind.PartnerRegion, p.HomeRegion, c))
                .Concat(p.CooperationModes.Select(m => taxonomy.LabelOf(TaxonomyKind.Mode, m, c)))
                .Where(l => !string.IsNullOrWhiteSpace(l))));
        var known = rates.Knows(p.TicketCurrency);
        return new InvestorDocument
        {
            Id = p.Id,
            ExternalRef = p.ExternalRef,
            Slug = p.Slug,
            OriginalCulture = p.OriginalCulture,
            Texts = texts,
            Labels = labels,
            Kind = InvestorKinds.Code(p.Kind),
            Country = p.Country.ToUpperInvariant(),
            HomeRegion = p.HomeRegion,
            Languages = [.. p.Languages],
            Sectors = [.. p.Sectors.Distinct()],
            Locations = [.. p.Locations.Distinct()],
            LocationPath = path,
            LocationScope = scope,
            Modes = [.. p.CooperationModes.Distinct()],
            TicketMinCny = known && p.TicketMin is { } min ? decimal.Round(rates.ToCny(min, p.TicketCurrency), 2) : null,
            TicketMaxCny = known && p.TicketMax is { } max ? decimal.Round(rates.ToCny(max, p.TicketCurrency), 2) : null,
            Concepts = semantics.Glossary.ConceptsIn(texts.Values.Select(t => t.Description)),
            UpdatedAt = p.UpdatedAt,
            IsDemo = p.IsDemo,
        };
    }

    /// <summary>A location code and its ancestors, nearest first.</summary>
    private static List<string> LocationPath(PortalTaxonomy taxonomy, string code)
    {
        var path = new List<string>();
        for (var term = taxonomy.Location(code); term is not null && !path.Contains(term.Code); term = taxonomy.Location(term.Parent))
            path.Add(term.Code);
        if (path.Count == 0 && !string.IsNullOrEmpty(code)) path.Add(code);
        return path;
    }
}
