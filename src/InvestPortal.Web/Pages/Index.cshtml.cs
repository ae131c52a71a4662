using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Caching;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Pages.Investors;
using InvestPortal.Web.Pages.Opportunities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages;

public sealed class IndexModel(OpportunityReader opportunities, InvestorReader investors, PortalTaxonomy taxonomy,
    ExchangeRateCache rates, IMemoryCache cache, IOptions<OutputCacheSettings> caching, Map.BorderMapBuilder maps) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Newest { get; private set; } = [];
    public IReadOnlyDictionary<string, int> SectorCounts { get; private set; } = new Dictionary<string, int>();
    public PortalTaxonomy Taxonomy => taxonomy;
    public int PublishedCount { get; private set; }
    public int InvestorCount { get; private set; }
    public int LocationCount { get; private set; }
    public string TotalVolume { get; private set; } = "";
    /// <summary>Published listings per location on the map of the border, as an empty search counts them.</summary>
    public Map.BorderMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, total) = await opportunities.PageAsync(1, 6, ct);
        Newest = items.Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
        PublishedCount = total;
        var figures = await KeyFiguresAsync(ct);
        SectorCounts = figures.SectorCounts;
        InvestorCount = figures.InvestorCount;
        LocationCount = figures.LocationCount;
        TotalVolume = Formatting.Money(figures.TotalCny, "CNY", Culture);
        Map = await maps.ForHomeAsync(Culture, ct);
    }

    private sealed record KeyFigures(IReadOnlyDictionary<string, int> SectorCounts, int InvestorCount, int LocationCount, decimal TotalCny);

    // Whole-catalogue aggregates cost seconds at 100,000 listings on SQLite; a minute-old figure is fine
    // for a home page, and the newest list above stays live.
    private async Task<KeyFigures> KeyFiguresAsync(CancellationToken ct)
    {
        var settings = caching.Value;
        var seconds = settings.Seconds > 0 ? settings.KeyFiguresSeconds : 0;
        if (seconds > 0 && cache.TryGetValue(nameof(KeyFigures), out KeyFigures? cached) && cached is not null) return cached;
        var totals = await opportunities.TotalsByCurrencyAsync(ct);
        var figures = new KeyFigures(await opportunities.CountsBySectorAsync(ct), await investors.CountAsync(ct),
            await opportunities.LocationCountAsync(ct), totals.Sum(t => rates.Table.ToCny(t.Value, t.Key)));
        if (seconds > 0) cache.Set(nameof(KeyFigures), figures, TimeSpan.FromSeconds(seconds));
        return figures;
    }
}
