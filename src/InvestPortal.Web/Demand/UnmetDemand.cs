using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Investing;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Demand;

/// <summary>
/// What investors look for that nobody offers. Three sources: saved searches, investor profiles (sectors,
/// locations, ticket range) and zero-result searches of the last <see cref="DemandOptions.WindowDays"/> days;
/// each is spread over the sector × location × ticket-band cells it names (locations at prefecture level,
/// a missing dimension is "any") and set against the published listings that fit each cell.
/// </summary>
public sealed class UnmetDemand(PortalDbContext db, PortalTaxonomy taxonomy, ExchangeRateCache rates, OwnedOpportunities owned,
    IOptions<DemandOptions> options, TimeProvider clock)
{
    public const int TopQueriesPerCell = 5;

    /// <summary>Everything, for admins.</summary>
    public async Task<DemandReport> AllAsync(CancellationToken ct = default) => new(await CellsAsync(ct), [], []);

    /// <summary>
    /// The home-page view of an official: the cells in their organizations' region (the prefectures of their
    /// listings), and cells without a location in their sectors. Null for anyone who is not an official of an organization.
    /// </summary>
    public async Task<DemandReport?> ForOfficialAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Official)) return null;
        var organizations = (await owned.OrganizationsAsync(user, ct)).Select(o => o.Id).ToList();
        if (organizations.Count == 0) return null;
        var own = await db.Opportunities.AsNoTracking().Where(o => organizations.Contains(o.OrganizationId))
            .Select(o => new { o.SectorCode, o.LocationCode }).ToListAsync(ct);
        var regions = own.Select(o => Prefecture(o.LocationCode)).Where(r => r is not null).Select(r => r!).Distinct().Order(StringComparer.Ordinal).ToList();
        var sectors = own.Select(o => o.SectorCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = (await CellsAsync(ct)).Where(c => c.Location is { } l ? regions.Contains(l) : c.Sector is { } s && sectors.Contains(s)).ToList();
        return new DemandReport(cells, regions, sectors);
    }

    /// <summary>
    /// The gaps a published listing fills: cells with demand that it fits and no other published listing does. Shown
    /// to its owners on the insight page from approval on, for as long as it stays the only answer.
    /// </summary>
    public async Task<IReadOnlyList<DemandCell>> FilledByAsync(Opportunity listing, CancellationToken ct = default)
    {
        if (listing.Status != OpportunityStatus.Published) return [];
        var mine = Keys(listing.SectorCode, Prefecture(listing.LocationCode), TicketBands.OfListing(listing.TotalAmount, listing.Currency, rates.Table)).ToHashSet();
        return (await CellsAsync(ct))
            .Where(c => (c.Sector ?? c.Location) is not null && mine.Contains((c.Sector, c.Location, c.Band)) && c.Listings == 1)
            .ToList();
    }

    public static readonly IReadOnlyList<string> CsvHeader =
        ["sector", "location", "ticket_band", "saved_searches", "investor_profiles", "zero_result_searches", "total_demand",
         "published_listings_that_fit", "first_seen_utc", "last_seen_utc", "top_queries"];

    /// <summary>The admin export: one row per cell, codes and labels in the given language.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string?>> CsvRowsAsync(string culture, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var c in await CellsAsync(ct))
            yield return [
                c.Sector is null ? "" : $"{c.Sector} {taxonomy.Sector(c.Sector)?.Label(culture)}",
                c.Location is null ? "" : $"{c.Location} {taxonomy.Location(c.Location)?.Label(culture)}",
                c.Band ?? "",
                Num(c.SavedSearches), Num(c.Profiles), Num(c.Searches), Num(c.Total), Num(c.Listings),
                c.FirstSeenAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                c.LastSeenAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                string.Join(" | ", c.TopQueries.Select(q => $"{q.Query} ({q.Culture}, {q.Count})")),
            ];
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private string? Prefecture(string? location)
    {
        var term = taxonomy.Location(location);
        if (term is null) return null;
        return term.Parent is { } parent && taxonomy.Location(parent) is not null ? parent : term.Code;
    }

    /// <summary>The cells a listing with these facts counts towards: its own values and "any" in every combination.</summary>
    private static IEnumerable<(string?, string?, string?)> Keys(string sector, string? location, string band)
    {
        foreach (var s in new[] { sector, null })
            foreach (var l in new[] { location, null })
                foreach (var b in new[] { band, null })
                    yield return (s, l, b);
    }

    private sealed class Acc
    {
        public int Saved, Profiles, Searches;
        public DateTimeOffset? First, Last;
        public Dictionary<(string, string), int> Queries { get; } = new();
    }

    private async Task<List<DemandCell>> CellsAsync(CancellationToken ct)
    {
        var table = rates.Table;
        var cells = new Dictionary<(string? Sector, string? Location, string? Band), Acc>();
        Acc At((string?, string?, string?) key) => cells.TryGetValue(key, out var a) ? a : cells[key] = new Acc();
        IEnumerable<(string?, string?, string?)> Spread(IReadOnlyCollection<string> sectors, IReadOnlyCollection<string> locations, string? band)
        {
            var ss = sectors.Where(s => taxonomy.Sector(s) is not null).Distinct().Select(s => (string?)s).DefaultIfEmpty(null).ToList();
            var ls = locations.Select(Prefecture).Where(l => l is not null).Distinct().DefaultIfEmpty(null).ToList();
            foreach (var s in ss) foreach (var l in ls) yield return (s, l, band);
        }

        foreach (var saved in await db.SavedSearches.AsNoTracking().ToListAsync(ct))
        {
            if (SavedSearches.Query(saved) is not { } q) continue;
            var band = TicketBands.OfRange(q.MinAmount, q.MaxAmount, q.Currency, table);
            if (q.Sectors.Count == 0 && q.Locations.Count == 0 && band is null) continue;
            foreach (var key in Spread([.. q.Sectors], [.. q.Locations], band)) At(key).Saved++;
        }
        var profiles = await db.InvestorProfiles.AsNoTracking()
            .Select(p => new { p.Sectors, p.Locations, p.TicketMin, p.TicketMax, p.TicketCurrency }).ToListAsync(ct);
        foreach (var p in profiles)
        {
            var band = TicketBands.OfRange(p.TicketMin, p.TicketMax, p.TicketCurrency, table);
            if (p.Sectors.Count == 0 && p.Locations.Count == 0 && band is null) continue;
            foreach (var key in Spread(p.Sectors, p.Locations, band)) At(key).Profiles++;
        }
        var since = clock.GetUtcNow().AddDays(-options.Value.WindowDays);
        foreach (var s in await db.UnmetSearches.AsNoTracking().Where(s => s.LastSeenAt >= since).ToListAsync(ct))
        {
            var f = DemandFilters.Parse(s.Filters);
            foreach (var key in Spread([.. f.Sectors], [.. f.Locations], f.Band))
            {
                var a = At(key);
                a.Searches += s.Count;
                if (a.First is null || s.FirstSeenAt < a.First) a.First = s.FirstSeenAt;
                if (a.Last is null || s.LastSeenAt > a.Last) a.Last = s.LastSeenAt;
                if (s.Query.Length > 0) a.Queries[(s.Query, s.Culture)] = a.Queries.GetValueOrDefault((s.Query, s.Culture)) + s.Count;
            }
        }

        var fits = new Dictionary<(string?, string?, string?), int>();
        var listings = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published)
            .Select(o => new { o.SectorCode, o.LocationCode, o.TotalAmount, o.Currency }).ToListAsync(ct);
        foreach (var o in listings)
            foreach (var key in Keys(o.SectorCode, Prefecture(o.LocationCode), TicketBands.OfListing(o.TotalAmount, o.Currency, table)))
                fits[key] = fits.GetValueOrDefault(key) + 1;

        return cells.Select(kv => new DemandCell(kv.Key.Sector, kv.Key.Location, kv.Key.Band,
                kv.Value.Saved, kv.Value.Profiles, kv.Value.Searches, kv.Value.First, kv.Value.Last,
                fits.GetValueOrDefault(kv.Key),
                kv.Value.Queries.OrderByDescending(q => q.Value).ThenBy(q => q.Key.Item1, StringComparer.Ordinal).Take(TopQueriesPerCell)
                    .Select(q => new DemandQuery(q.Key.Item1, q.Key.Item2, q.Value)).ToList()))
            .OrderByDescending(c => c.IsGap).ThenByDescending(c => c.Total)
            .ThenBy(c => c.Sector ?? "", StringComparer.Ordinal).ThenBy(c => c.Location ?? "", StringComparer.Ordinal).ThenBy(c => c.Band ?? "", StringComparer.Ordinal)
            .ToList();
    }
}
