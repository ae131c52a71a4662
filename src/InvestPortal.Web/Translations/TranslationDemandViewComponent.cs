using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Translations;

/// <summary>The insight page's translation-demand panel: a view component, so the insight page's model stays as it is.</summary>
public sealed class TranslationDemandViewComponent(TranslationRequests requests) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Opportunity listing) =>
        View((listing, await requests.DemandAsync(listing, HttpContext.RequestAborted)));
}
