using InvestPortal.Data;
using InvestPortal.Web.Caching;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Home;

/// <summary>
/// The figures of the home page, which sums up both sides of the portal (listings from Discovery, investors from
/// Investing); it lives above both so that neither has to know the other.
/// </summary>
public sealed class HomeFigures(OpportunityReader opportunities, InvestorReader investors, ExchangeRateCache rates, IMemoryCache cache,
    IOptions<OutputCacheSettings> caching)
{
    // Whole-catalogue aggregates cost seconds at 100,000 listings on SQLite; a minute-old figure is fine
    // for a home page, and the newest list above stays live.
    public async Task<KeyFigures> KeyFiguresAsync(CancellationToken ct = default)
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
