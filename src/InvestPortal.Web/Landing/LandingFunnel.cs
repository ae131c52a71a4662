using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Landing;

/// <summary>
/// The landing funnel: listings published → interests registered → in discussion → landed, per prefecture-level city,
/// per sector and per month, with the median days from an interest to the owner's first reply. Listing counts are
/// grouped in SQL (plain GROUP BY with conditional counts, the same on SQLite and PostgreSQL); interests are read as
/// a few columns per row because a median cannot be computed portably in SQL, and months are cut in .NET because
/// the two databases store dates differently (ticks on SQLite). Cities are the taxonomy's prefecture-level locations:
/// a county-level city counts with its prefecture.
/// </summary>
public sealed class LandingFunnel(PortalDbContext db, PortalTaxonomy taxonomy, IMemoryCache cache,
    IOptions<LandingOptions> options, IOptions<OutputCacheSettings> caching, TimeProvider clock)
{
    private const string CacheKey = "landing-funnel";

    /// <summary>The public report, reused for <see cref="LandingOptions.CacheSeconds"/>.</summary>
    public async Task<FunnelReport> ReportAsync(CancellationToken ct = default)
    {
        var seconds = caching.Value.Seconds > 0 ? options.Value.CacheSeconds : 0;
        if (seconds > 0 && cache.TryGetValue(CacheKey, out FunnelReport? cached) && cached is not null) return cached;
        var report = await ComputeAsync(ct);
        if (seconds > 0) cache.Set(CacheKey, report, TimeSpan.FromSeconds(seconds));
        return report;
    }

    /// <summary>Drops the reused report, so a listing just closed as landed shows at once on this node.</summary>
    public void Forget() => cache.Remove(CacheKey);

    /// <summary>Reply times of every owner organization, slowest first: for admins only, with no minimum group size.</summary>
    public async Task<IReadOnlyList<OrganizationReplyTime>> ReplyTimesByOrganizationAsync(string culture, CancellationToken ct = default)
    {
        var interests = await InterestFactsAsync(ct);
        var ids = interests.Select(i => i.OwnerOrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return interests.GroupBy(i => i.OwnerOrganizationId)
            .Select(g => new OrganizationReplyTime(g.Key,
                organizations.TryGetValue(g.Key, out var org) ? org.NameIn(culture) : g.Key.ToString(),
                g.Count(), g.Count(i => i.FirstReplyAt is not null), g.Count(i => i.IsOpen && i.FirstReplyAt is null),
                Median(g), g.Any(i => i.IsDemo)))
            .OrderByDescending(r => r.OpenUnanswered).ThenByDescending(r => r.MedianReplyDays ?? double.MaxValue).ThenBy(r => r.Name)
            .ToList();
    }

    /// <summary>The prefecture-level city a location belongs to (itself when it is one, or unknown to the taxonomy).</summary>
    public string CityOf(string locationCode) => taxonomy.Location(locationCode)?.Parent ?? locationCode;

    private IQueryable<Opportunity> Counted => db.Opportunities.AsNoTracking()
        .Where(o => o.PublishedAt != null && (o.Status == OpportunityStatus.Published || o.Status == OpportunityStatus.Closed));

    private async Task<FunnelReport> ComputeAsync(CancellationToken ct)
    {
        var min = options.Value.MinGroupInterests;
        var now = clock.GetUtcNow();
        var listingGroups = await Counted
            .GroupBy(o => new { o.LocationCode, o.SectorCode, o.IsDemo })
            .Select(g => new ListingGroup(g.Key.LocationCode, g.Key.SectorCode, g.Key.IsDemo, g.Count(),
                g.Count(o => o.Status == OpportunityStatus.Closed && (o.Outcome == ListingOutcomes.AgreementSigned
                    || o.Outcome == ListingOutcomes.UnderConstruction || o.Outcome == ListingOutcomes.Operating))))
            .ToListAsync(ct);
        var interests = await InterestFactsAsync(ct);

        FunnelRow Row(string key, IEnumerable<ListingGroup> listings, IReadOnlyCollection<InterestFact> of)
        {
            var groups = listings.ToList();
            return new FunnelRow(key, groups.Sum(l => l.Listings), of.Count, of.Count(i => i.DiscussionAt is not null),
                groups.Sum(l => l.Landed), Median(of), of.Count(i => i.FirstReplyAt is not null),
                groups.Any(l => l.IsDemo) || of.Any(i => i.IsDemo));
        }

        (List<FunnelRow> Shown, int Hidden) Split(Func<ListingGroup, string> keyOf, Func<InterestFact, string> interestKey)
        {
            var keys = listingGroups.Select(keyOf).Concat(interests.Select(interestKey)).Distinct().ToList();
            var rows = keys.Select(k => Row(k, listingGroups.Where(l => keyOf(l) == k), interests.Where(i => interestKey(i) == k).ToList())).ToList();
            var shown = rows.Where(r => r.Interests >= min).OrderByDescending(r => r.Landed).ThenByDescending(r => r.Interests)
                .ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            return (shown, rows.Count - shown.Count);
        }

        var (cities, hiddenCities) = Split(l => CityOf(l.Location), i => CityOf(i.Location));
        var (sectors, hiddenSectors) = Split(l => l.Sector, i => i.Sector);
        var total = Row("all", listingGroups, interests);
        return new FunnelReport(total.Interests >= min ? total : null, cities, hiddenCities, sectors, hiddenSectors,
            await MonthsAsync(interests, now, min, ct), min, now);
    }

    /// <summary>The trend: each month's new listings, new interests, discussions begun and landings, oldest month first.</summary>
    private async Task<IReadOnlyList<FunnelMonth>> MonthsAsync(IReadOnlyList<InterestFact> interests, DateTimeOffset now, int min, CancellationToken ct)
    {
        var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - options.Value.TrendMonths);
        var listings = await Counted.Where(o => o.PublishedAt >= first || o.ClosedAt >= first)
            .Select(o => new
            {
                o.PublishedAt, o.ClosedAt, o.IsDemo,
                Landed = o.Status == OpportunityStatus.Closed && (o.Outcome == ListingOutcomes.AgreementSigned
                    || o.Outcome == ListingOutcomes.UnderConstruction || o.Outcome == ListingOutcomes.Operating),
            }).ToListAsync(ct);
        static string MonthOf(DateTimeOffset? d) => d is { } v ? v.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "";
        var months = new List<FunnelMonth>();
        for (var m = first; m <= now; m = m.AddMonths(1))
        {
            var key = MonthOf(m);
            var created = interests.Where(i => MonthOf(i.CreatedAt) == key).ToList();
            if (created.Count < min)
            {
                months.Add(new FunnelMonth(key, null));
                continue;
            }
            var published = listings.Where(l => MonthOf(l.PublishedAt) == key).ToList();
            var landed = listings.Where(l => l.Landed && MonthOf(l.ClosedAt) == key).ToList();
            months.Add(new FunnelMonth(key, new FunnelRow(key, published.Count, created.Count,
                interests.Count(i => MonthOf(i.DiscussionAt) == key), landed.Count, Median(created),
                created.Count(i => i.FirstReplyAt is not null),
                created.Any(i => i.IsDemo) || published.Any(l => l.IsDemo) || landed.Any(l => l.IsDemo))));
        }
        return months;
    }

    private Task<List<InterestFact>> InterestFactsAsync(CancellationToken ct) =>
        (from e in db.ExpressionsOfInterest.AsNoTracking()
         join o in Counted on e.OpportunityId equals o.Id
         select new InterestFact(o.LocationCode, o.SectorCode, o.IsDemo, o.OrganizationId, e.CreatedAt, e.FirstReplyAt,
             e.DiscussionAt, e.Status != InterestStatus.Closed)).ToListAsync(ct);

    /// <summary>Median days from an interest to the owner's first reply, over the interests that were answered; one decimal.</summary>
    public static double? Median(IEnumerable<InterestFact> interests)
    {
        var days = interests.Where(i => i.FirstReplyAt is not null)
            .Select(i => Math.Max(0, (i.FirstReplyAt!.Value - i.CreatedAt).TotalDays)).Order().ToList();
        if (days.Count == 0) return null;
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record ListingGroup(string Location, string Sector, bool IsDemo, int Listings, int Landed);
}
