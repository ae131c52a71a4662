using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Insight;

/// <summary>The two charts the portal draws, with their localized titles, legends and a one-sentence description.</summary>
public static class InsightCharts
{
    public static ChartData ViewsAndInterests(string id, DailySeries s, string culture, IServiceProvider services)
    {
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new ChartData(id, l["Insight.ChartTitle", s.Days.Count],
            l["Insight.ChartDesc", s.Days.Count, Formatting.Number(s.Views.Sum(), culture), Formatting.Number(s.Interests.Sum(), culture),
                Formatting.Number(s.Views.DefaultIfEmpty(0).Max(), culture)],
            s.Days, [new(l["Insight.Views"], "series-views", s.Views), new(l["Insight.Interests"], "series-interests", s.Interests)], culture);
    }

    public static ChartData Organization(string id, DailySeries s, string culture, IServiceProvider services)
    {
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new ChartData(id, l["Insight.DashboardChartTitle", s.Days.Count],
            l["Insight.DashboardChartDesc", s.Days.Count, Formatting.Number(s.Views.Sum(), culture),
                Formatting.Number(s.Interests.Sum(), culture), Formatting.Number(s.Invitations.Sum(), culture)],
            s.Days,
            [
                new(l["Insight.Views"], "series-views", s.Views), new(l["Insight.Interests"], "series-interests", s.Interests),
                new(l["Insight.Invitations"], "series-invitations", s.Invitations),
            ], culture);
    }
}
