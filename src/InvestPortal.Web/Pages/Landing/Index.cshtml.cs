using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Landing;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Landing;

/// <summary>The public landing funnel: aggregates only, no group below the minimum number of interests.</summary>
public sealed class IndexModel(LandingFunnel funnel, PortalTaxonomy taxonomy, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    public FunnelView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        View = new FunnelView(await funnel.ReportAsync(ct), Culture, taxonomy, l);
}
