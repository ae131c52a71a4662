using InvestPortal.Web.Localization;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Insight;

/// <summary>
/// The small dashboard on the official's listing page: the last 30 days across all listings of their
/// organizations. A view component, so the listing page's model stays as it is.
/// </summary>
public sealed class InsightDashboardViewComponent(OwnedOpportunities owned, InsightStats stats) : ViewComponent
{
    public const int Days = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var organizations = (await owned.OrganizationsAsync(HttpContext.User, ct)).Select(o => o.Id).ToList();
        if (organizations.Count == 0) return Content("");
        var culture = HttpContext.Culture();
        var series = await stats.OrganizationSeriesAsync(organizations, Days, ct);
        return View(new InsightDashboard(
            await stats.OrganizationListingCountAsync(organizations, ct),
            new InsightTotals(series.Views.Sum(), series.Interests.Sum(), series.Invitations.Sum()),
            InsightCharts.Organization("dashboard", series, culture, HttpContext.RequestServices)));
    }
}
