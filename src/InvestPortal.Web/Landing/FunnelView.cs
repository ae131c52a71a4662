using System.Globalization;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Landing;

/// <summary>
/// The funnel as a reader in one language sees it: group labels, percentages and day counts formatted, and the
/// three charts with their localized titles and one-sentence descriptions (the text alternative of each SVG).
/// </summary>
public sealed class FunnelView(FunnelReport report, string culture, PortalTaxonomy taxonomy, IStringLocalizer l)
{
    public FunnelReport Report => report;
    public string Culture => culture;
    private CultureInfo Ci => Formatting.CultureInfoFor(culture);

    public string CityLabel(string code) => taxonomy.Location(code)?.Label(culture) ?? code;
    public string SectorLabel(string code) => taxonomy.Sector(code)?.Label(culture) ?? code;

    /// <summary>"2026-11" as 2026年11月, ноя 2026, Nov 2026.</summary>
    public string MonthLabel(string month)
    {
        var date = DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return culture switch
        {
            Core.Domain.Cultures.Zh => date.ToString("yyyy年M月", Ci),
            Core.Domain.Cultures.Ru => date.ToString("MMM yyyy", Ci),
            _ => date.ToString("MMM yyyy", Ci),
        };
    }

    public string Percent(double? rate) => rate is { } r ? r.ToString("P0", Ci) : "–";
    public string Days(double? days) => days is { } d ? l["Landing.Days", d.ToString("0.#", Ci)] : "–";
    public string Number(int n) => n.ToString("N0", Ci);

    public BarChartData StagesChart()
    {
        var t = report.Total!;
        return new BarChartData("funnel-stages", l["Landing.StagesChartTitle"],
            l["Landing.StagesChartDesc", Number(t.Listings), Number(t.Interests), Number(t.InDiscussion), Number(t.Landed)],
            [l["Landing.Stage.Listings"], l["Landing.Stage.Interests"], l["Landing.Stage.Discussion"], l["Landing.Stage.Landed"]],
            [new BarSeries(l["Landing.Count"], "series-interests", [t.Listings, t.Interests, t.InDiscussion, t.Landed])], culture);
    }

    public BarChartData GroupChart(string id, string titleKey, IReadOnlyList<FunnelRow> rows, Func<string, string> label) =>
        new(id, l[titleKey], l["Landing.GroupChartDesc", rows.Count,
                rows.Count == 0 ? "–" : label(rows.MaxBy(r => r.Landed)!.Key), rows.Count == 0 ? "0" : Number(rows.Max(r => r.Landed))],
            rows.Select(r => label(r.Key)).ToList(), Series(rows.Select(r => (FunnelRow?)r).ToList()), culture);

    public BarChartData TrendChart()
    {
        var shown = report.Months.Where(m => m.Row is not null).ToList();
        return new BarChartData("funnel-trend", l["Landing.TrendChartTitle", report.Months.Count],
            l["Landing.TrendChartDesc", report.Months.Count, shown.Count, Number(shown.Sum(m => m.Row!.Interests)), Number(shown.Sum(m => m.Row!.Landed))],
            report.Months.Select(m => MonthLabel(m.Month)).ToList(), Series(report.Months.Select(m => m.Row).ToList()), culture,
            l["Landing.TooFew", report.MinGroupInterests]);
    }

    private List<BarSeries> Series(IReadOnlyList<FunnelRow?> rows) =>
    [
        new(l["Landing.Stage.Listings"], "series-listings", rows.Select(r => r?.Listings).ToList()),
        new(l["Landing.Stage.Interests"], "series-interests", rows.Select(r => r?.Interests).ToList()),
        new(l["Landing.Stage.Discussion"], "series-discussion", rows.Select(r => r?.InDiscussion).ToList()),
        new(l["Landing.Stage.Landed"], "series-landed", rows.Select(r => r?.Landed).ToList()),
    ];
}
