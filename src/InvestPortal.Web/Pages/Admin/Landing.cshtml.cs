using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Landing;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// The admins' side of the funnel: reply times per owner organization (no minimum group size: admins see who is
/// slow) and the recently closed listings with their outcomes, each with a link to correct it.
/// </summary>
public sealed class LandingModel(LandingFunnel funnel, ListingOutcomeService outcomes, PortalTaxonomy taxonomy) : PortalPageModel
{
    public const int ClosedShown = 100;
    public IReadOnlyList<OrganizationReplyTime> ReplyTimes { get; private set; } = [];
    public IReadOnlyList<OpportunityView> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReplyTimes = await funnel.ReplyTimesByOrganizationAsync(Culture, ct);
        Closed = (await outcomes.RecentlyClosedAsync(ClosedShown, ct)).Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
    }
}
