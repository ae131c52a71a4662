using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Demand;

/// <summary>
/// On the owner's insight page of a published listing: the unmet demand it answers ("investors looked for this and
/// found nothing else"). Shown from approval on, for as long as no other listing answers the same demand; a notice
/// where the owner already looks rather than another email.
/// </summary>
public sealed class DemandGapNoticeViewComponent(UnmetDemand demand) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Opportunity listing)
    {
        var cells = await demand.FilledByAsync(listing, HttpContext.RequestAborted);
        return cells.Count == 0 ? Content("") : View(cells);
    }
}
