using System.Globalization;
using System.Text;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Moderation;
using InvestPortal.Core.Taxonomy;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Landing;

/// <summary>
/// /{c}/landing/funnel.csv and /{c}/landing/funnel.json: the public funnel's numbers (the same groups as the page,
/// none below the minimum size) with labels in the URL's language, codes for machines and a demo flag per row.
/// </summary>
public static class LandingEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapLanding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{culture:culture}/landing/funnel.csv", CsvAsync).ExcludeFromDescription();
        endpoints.MapGet("/{culture:culture}/landing/funnel.json", JsonAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Every shown row with its kind (total, city, sector, month), code and label.</summary>
    public static IEnumerable<(string Kind, string Code, string Label, FunnelRow Row)> Rows(FunnelView view)
    {
        var r = view.Report;
        if (r.Total is { } total) yield return ("total", "all", "", total);
        foreach (var c in r.Cities) yield return ("city", c.Key, view.CityLabel(c.Key), c);
        foreach (var s in r.Sectors) yield return ("sector", s.Key, view.SectorLabel(s.Key), s);
        foreach (var m in r.Months.Where(m => m.Row is not null)) yield return ("month", m.Month, view.MonthLabel(m.Month), m.Row!);
    }

    private static async Task<FunnelView> ViewAsync(HttpContext http, string culture, CancellationToken ct)
    {
        var sp = http.RequestServices;
        var report = await sp.GetRequiredService<LandingFunnel>().ReportAsync(ct);
        return new FunnelView(report, culture, sp.GetRequiredService<PortalTaxonomy>(), sp.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    private static async Task CsvAsync(HttpContext http, string culture, CancellationToken ct)
    {
        var view = await ViewAsync(http, culture, ct);
        var sb = new StringBuilder();
        sb.Append(Csv.Row(["kind", "code", "label", "listings", "interests", "in_discussion", "landed", "discussion_rate", "landed_rate",
            "median_reply_days", "answered", "demo"]));
        foreach (var (kind, code, label, row) in Rows(view))
            sb.Append(Csv.Row([kind, code, label, Invariant(row.Listings), Invariant(row.Interests), Invariant(row.InDiscussion),
                Invariant(row.Landed), Rate(row.DiscussionRate), Rate(row.LandedRate),
                row.MedianReplyDays?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", Invariant(row.Answered), row.IsDemo ? "true" : "false"]));
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"landing-funnel-{culture}.csv\"";
        await http.Response.Body.WriteAsync(Csv.Bom, ct);
        await http.Response.WriteAsync(sb.ToString(), ct);
    }

    private static async Task JsonAsync(HttpContext http, string culture, CancellationToken ct)
    {
        var view = await ViewAsync(http, culture, ct);
        var r = view.Report;
        object Item((string Kind, string Code, string Label, FunnelRow Row) x) => new
        {
            code = x.Code, label = x.Label, listings = x.Row.Listings, interests = x.Row.Interests, inDiscussion = x.Row.InDiscussion,
            landed = x.Row.Landed, discussionRate = Round(x.Row.DiscussionRate), landedRate = Round(x.Row.LandedRate),
            medianReplyDays = x.Row.MedianReplyDays, answered = x.Row.Answered, demo = x.Row.IsDemo,
        };
        var rows = Rows(view).ToList();
        var body = new
        {
            culture, computedAt = r.ComputedAt, minGroupInterests = r.MinGroupInterests, includesDemo = r.IncludesDemo,
            total = rows.Where(x => x.Kind == "total").Select(Item).FirstOrDefault(),
            cities = rows.Where(x => x.Kind == "city").Select(Item), hiddenCities = r.HiddenCities,
            sectors = rows.Where(x => x.Kind == "sector").Select(Item), hiddenSectors = r.HiddenSectors,
            months = r.Months.Select(m => new { month = m.Month, shown = m.Row is not null, row = m.Row is null ? null : Item(("month", m.Month, view.MonthLabel(m.Month), m.Row)) }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(body, Json), ct);
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Rate(double? rate) => rate is { } r ? Math.Round(r, 4).ToString(CultureInfo.InvariantCulture) : "";
    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 4) : null;
}
