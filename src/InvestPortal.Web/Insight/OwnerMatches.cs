using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Insight;

/// <summary>
/// The same matching as the owner panel on the detail page (engine, public profiles only, reasons
/// through MatchReasonText), for the insight page and for checking that an invitation goes to a match.
/// </summary>
public sealed class OwnerMatches(ISearchEngine engine, SearchDocumentBuilder builder, InvestorReader investors,
    MatchReasonText reasons, PortalTaxonomy taxonomy)
{
    public const int Top = 10;

    /// <summary>The top matches, or null when the search engine cannot answer right now.</summary>
    public async Task<IReadOnlyList<OwnerMatch>?> ForAsync(Opportunity opportunity, string culture, CancellationToken ct = default)
    {
        try
        {
            var matches = await engine.MatchInvestorsForOpportunityAsync(builder.ForMatching(opportunity), Top, ct);
            var profiles = await investors.ByIdsAsync(matches.Select(m => m.Id).ToList(), ct);
            return matches.Where(m => profiles.ContainsKey(m.Id)).Select(m => new OwnerMatch(
                InvestorView.Create(profiles[m.Id], culture, taxonomy),
                MatchReasonText.Percent(m.Score, culture),
                m.Reasons.Select(r => reasons.Describe(r, culture)).ToList())).ToList();
        }
        catch (SearchUnavailableException)
        {
            return null;
        }
    }
}
