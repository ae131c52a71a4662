using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Pages.Investors;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages.Opportunities;

public sealed class DetailsModel(OpportunityReader reader, PortalTaxonomy taxonomy, ISearchEngine engine,
    SearchDocumentBuilder builder, InvestorReader investors, MatchReasonText reasons, OwnedOpportunities owned,
    Insight.ViewCounter views) : PortalPageModel
{
    public const int TopInvestors = 10;
    public OpportunityView Item { get; private set; } = null!;
    /// <summary>Only for officials of the owner organization and admins: who is most likely to fund this.</summary>
    public IReadOnlyList<(InvestorView View, string Score, IReadOnlyList<string> Reasons)>? MatchingInvestors { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var opportunity = await reader.BySlugAsync(slug, ct);
        if (opportunity is null) return NotFound();
        var isOwner = await CanSeeInsightAsync(opportunity, ct);
        // Counted in memory and written in batches; the owner's own visits and bots are not readers.
        // A reader whose language the listing lacks is counted as translation demand too.
        var cultures = string.Join(',', opportunity.Translations.Select(t => t.Culture));
        if (!isOwner) views.Record(opportunity.Id, Request.Headers.UserAgent, cultures.Contains(Culture, StringComparison.Ordinal) ? null : Culture);
        views.RememberSlug(slug, opportunity.Id, cultures);
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        if (isOwner) MatchingInvestors = await MatchInvestorsAsync(opportunity, ct);
        return Page();
    }

    private async Task<bool> CanSeeInsightAsync(Opportunity opportunity, CancellationToken ct) =>
        User.Identity?.IsAuthenticated == true && await owned.MayEditAsync(opportunity, User, ct);

    private async Task<IReadOnlyList<(InvestorView, string, IReadOnlyList<string>)>> MatchInvestorsAsync(Opportunity opportunity, CancellationToken ct)
    {
        try
        {
            var matches = await engine.MatchInvestorsForOpportunityAsync(builder.ForMatching(opportunity), TopInvestors, ct);
            var profiles = await investors.ByIdsAsync(matches.Select(m => m.Id).ToList(), ct);
            return matches.Where(m => profiles.ContainsKey(m.Id)).Select(m => (
                InvestorView.Create(profiles[m.Id], Culture, taxonomy),
                MatchReasonText.Percent(m.Score, Culture),
                (IReadOnlyList<string>)m.Reasons.Select(r => reasons.Describe(r, Culture)).ToList())).ToList();
        }
        catch (SearchUnavailableException)
        {
            // The public page must not fail because the owner's extra panel cannot be filled.
            return [];
        }
    }
}
