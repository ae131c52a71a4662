using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Landing;

namespace InvestPortal.Web.Pages.Landing;

/// <summary>Projects that found their investor: closed listings with a landed outcome, most recent first.</summary>
public sealed class LandedModel(LandedListings landed, PortalTaxonomy taxonomy) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = (await landed.ListAsync(ct)).Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
}
