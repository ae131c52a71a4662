using InvestPortal.Web.Localization;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Map;

/// <summary>
/// Builds the map a page shows, in the page's language: every taxonomy location with a position (a bubble when the
/// current search counts listings there, linking to that search narrowed to the location), the border crossings by kind
/// (each linking to the listings near it) or, on a detail page, the listing's point and its nearest crossings.
/// </summary>
public sealed class BorderMapBuilder(PortalTaxonomy taxonomy, BorderCrossings crossings, ISearchEngine engine,
    IStringLocalizer<SharedResource> l, ILogger<BorderMapBuilder> log)
{
    /// <summary>How many crossings a listing's map and list name.</summary>
    public const int NearestOnDetail = 3;

    /// <summary>The home page: the whole published catalogue, counted by the search engine like an empty search.</summary>
    public async Task<BorderMap> ForHomeAsync(string culture, CancellationToken ct)
    {
        var counts = (IReadOnlyDictionary<string, int>)new Dictionary<string, int>();
        long total = 0;
        try
        {
            var result = await engine.SearchOpportunitiesAsync(new OpportunityQuery
            {
                Facets = [FacetGroups.Location], Page = 1, PageSize = 1, Culture = culture, Sort = SearchSort.Newest,
            }, ct);
            counts = result.Facets.GetValueOrDefault(FacetGroups.Location) ?? counts;
            total = result.Total;
        }
        catch (SearchUnavailableException ex)
        {
            // The home page must not fail with the search engine: the map then shows places and crossings without bubbles.
            log.LogWarning(ex, "Search engine unavailable; the home map shows no counts");
        }
        return ForCounts("map-home", culture, counts, total, new OpportunitySearchForm());
    }

    /// <summary>The search page: bubbles from this search's location facet; each links to this search narrowed to that location.</summary>
    public BorderMap ForSearch(string culture, OpportunitySearchForm form, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> facets, long total) =>
        ForCounts("map-search", culture, facets.GetValueOrDefault(FacetGroups.Location) ?? new Dictionary<string, int>(), total, form);

    public BorderMap ForCounts(string id, string culture, IReadOnlyDictionary<string, int> counts, long total, OpportunitySearchForm form)
    {
        var ci = Formatting.CultureInfoFor(culture);
        var places = taxonomy.Locations.Where(t => t.Position is not null).Select(t =>
        {
            var count = counts.GetValueOrDefault(t.Code);
            var name = t.Label(culture);
            var countText = count.ToString("N0", ci);
            return new MapPlace(t.Code, name, t.Position!.Value.Longitude, t.Position.Value.Latitude, count, countText,
                l["Map.PlaceTitle", name, countText].Value, count > 0 ? Narrowed(culture, form, "location", t.Code) : null,
                form.Location.Contains(t.Code));
        }).ToList();
        var mapCrossings = crossings.All.Select(c => Crossing(c, culture, Narrowed(culture, form, "crossing", c.Code), null)).ToList();
        var withListings = places.Count(p => p.Href is not null);
        return new BorderMap(id, l["Map.Title"].Value,
            l["Map.Description", withListings.ToString("N0", ci), total.ToString("N0", ci), mapCrossings.Count.ToString("N0", ci)].Value,
            Texts(), places, mapCrossings);
    }

    /// <summary>
    /// A listing's page: its point (the official's own when given, else its location's), the cities for orientation
    /// (not links) and its nearest crossings with their straight-line distances. The list beside the map is the page's
    /// only list of nearest crossings, so it says where the distances are measured from.
    /// </summary>
    public BorderMap? ForListing(string culture, string name, string locationCode, GeoPoint? ownPoint = null)
    {
        if ((ownPoint ?? PositionOf(locationCode)) is not { } point) return null;
        var places = taxonomy.Locations.Where(t => t.Position is not null && t.Parent is null).Select(t =>
            new MapPlace(t.Code, t.Label(culture), t.Position!.Value.Longitude, t.Position.Value.Latitude, 0, "0", t.Label(culture), null)).ToList();
        var nearest = crossings.Nearest(point, NearestOnDetail)
            .Select(n => Crossing(n.Crossing, culture, CultureUrls.Href(culture, $"opportunities?crossing={Uri.EscapeDataString(n.Crossing.Code)}"),
                l["Map.Distance", Kilometres(n.DistanceKm, culture)].Value))
            .ToList();
        var location = taxonomy.Location(locationCode)?.Label(culture) ?? locationCode;
        var measuredFrom = ownPoint is null ? l["Crossings.FromLocation", location].Value : l["Crossings.FromOwnPoint"].Value;
        return new BorderMap("map-detail", l["Map.Title"].Value, l["Map.DescriptionListing", location].Value, Texts(), places, nearest,
            new MapListingPoint(name, point.Longitude, point.Latitude, measuredFrom));
    }

    /// <summary>A listing's map as the public sees it: at the official's own point when it has a valid one, else at its location.</summary>
    public BorderMap? ForListing(string culture, string name, Core.Domain.Opportunity listing) =>
        ForListing(culture, name, listing.LocationCode,
            ListingPosition.IsOwn(listing) ? ListingPosition.Of(listing.Latitude, listing.Longitude, null, taxonomy) : null);

    /// <summary>"3.6" under 10 km, "39" above: a straight line is no more exact than that.</summary>
    public static string Kilometres(double km, string culture) =>
        km.ToString(km < 10 ? "N1" : "N0", Formatting.CultureInfoFor(culture));

    /// <summary>A location's position, or its parent's when it has none.</summary>
    public GeoPoint? PositionOf(string? locationCode)
    {
        for (var term = taxonomy.Location(locationCode); term is not null; term = term.Parent == term.Code ? null : taxonomy.Location(term.Parent))
            if (term.Position is { } p) return p;
        return null;
    }

    private MapCrossing Crossing(BorderCrossing c, string culture, string href, string? distance)
    {
        var kinds = string.Join(l["Map.KindSeparator"].Value, c.ModeList().Select(m => l[$"Map.Mode.{m}"].Value));
        if (c.Status == CrossingStatus.Suspended) kinds = $"{kinds}{l["Map.KindSeparator"].Value}{l["Map.Suspended"].Value}";
        return new MapCrossing(c.Code, c.Name(culture), c.CounterpartName(culture), kinds, SymbolOf(c.Modes),
            c.Position.Longitude, c.Position.Latitude, href, distance, l["Crossings.Counterpart", c.CounterpartName(culture)].Value);
    }

    /// <summary>The symbol for what a crossing mainly carries: rail before road before river port; ice roads and pontoons alone are seasonal.</summary>
    public static CrossingSymbol SymbolOf(CrossingModes modes) =>
        modes.HasFlag(CrossingModes.Rail) ? CrossingSymbol.Rail
        : modes.HasFlag(CrossingModes.Road) ? CrossingSymbol.Road
        : modes.HasFlag(CrossingModes.RiverPort) ? CrossingSymbol.RiverPort
        : CrossingSymbol.Seasonal;

    /// <summary>This search narrowed to one location or crossing (replacing any chosen before), back on page 1.</summary>
    private static string Narrowed(string culture, OpportunitySearchForm form, string key, string code) =>
        QueryHelpers.AddQueryString(CultureUrls.Href(culture, "opportunities"),
            form.Pairs().Where(p => p.Key != key && p.Key != "page").Append(new(key, code)).ToList());

    private MapTexts Texts() => new(l["Map.Russia"].Value, l["Map.China"].Value, l["Map.River.Amur"].Value, l["Map.River.Ussuri"].Value,
        l["Map.River.Songhua"].Value, l["Map.Legend.Listings"].Value, l["Map.Legend.Listing"].Value,
        Enum.GetValues<CrossingSymbol>().ToDictionary(s => s, s => l[$"Map.Symbol.{s}"].Value));
}
