using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages.Opportunities;

public sealed class DetailsModel(OpportunityReader reader, PortalTaxonomy taxonomy, Insight.OwnerMatches ownerMatches,
    OwnedOpportunities owned, Insight.ViewCounter views, Map.BorderMapBuilder maps, InvestPortal.Web.Landing.LandedListings landed) : PortalPageModel
{
    public const int TopInvestors = Insight.OwnerMatches.Top;
    public OpportunityView Item { get; private set; } = null!;
    /// <summary>The listing's point and its nearest border crossings; null when its location has no position.</summary>
    public Map.BorderMap? Map { get; private set; }
    /// <summary>Only for officials of the owner organization and admins: who is most likely to fund this.</summary>
    public IReadOnlyList<(InvestorView View, string Score, IReadOnlyList<string> Reasons)>? MatchingInvestors { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        // A listing that landed keeps its page (with a badge) after it is closed.
        var opportunity = await reader.BySlugAsync(slug, ct) ?? await landed.BySlugAsync(slug, ct);
        if (opportunity is null) return NotFound();
        var isOwner = await CanSeeInsightAsync(opportunity, ct);
        // Counted in memory and written in batches; the owner's own visits and bots are not readers.
        // A reader whose language the listing lacks is counted as translation demand too.
        var cultures = string.Join(',', opportunity.Translations.Select(t => t.Culture));
        if (!isOwner) views.Record(opportunity.Id, Request.Headers.UserAgent, cultures.Contains(Culture, StringComparison.Ordinal) ? null : Culture);
        views.RememberSlug(slug, opportunity.Id, cultures);
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        Map = maps.ForListing(Culture, Item.Title, opportunity);
        if (isOwner && opportunity.Status == OpportunityStatus.Published) MatchingInvestors = await MatchInvestorsAsync(opportunity, ct);
        return Page();
    }

    private async Task<bool> CanSeeInsightAsync(Opportunity opportunity, CancellationToken ct) =>
        User.Identity?.IsAuthenticated == true && await owned.MayEditAsync(opportunity, User, ct);

    /// <summary>The owner panel: the same matching as the insight page (<see cref="Insight.OwnerMatches"/>).</summary>
    private async Task<IReadOnlyList<(InvestorView, string, IReadOnlyList<string>)>> MatchInvestorsAsync(Opportunity opportunity, CancellationToken ct) =>
        // The public page must not fail because the owner's extra panel cannot be filled: no engine, an empty panel.
        (await ownerMatches.ForAsync(opportunity, Culture, ct))?.Select(m => (m.Investor, m.Score, m.Reasons)).ToList() ?? [];
}
