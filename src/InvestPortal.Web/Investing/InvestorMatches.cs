using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Discovery;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>
/// "Matches for you": published opportunities ranked for an investor's profile, with reasons. Matched live against the
/// index on every visit, so a new listing or an edited profile shows at once. Dismissed ones are left out.
/// </summary>
public sealed class InvestorMatches(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder, OpportunityReader reader,
    PortalTaxonomy taxonomy, MatchReasonText reasons, Bookmarks bookmarks)
{
    public const int Top = 20;

    /// <summary>Null when the user has no investor profile yet. <paramref name="withDismissed"/> also reads the dismissed listings.</summary>
    public async Task<InvestorMatchBoard?> BoardAsync(string userId, bool withDismissed, string culture, CancellationToken ct = default)
    {
        var profile = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) return null;
        var decisions = await bookmarks.DecisionsAsync(userId, ct);
        var dismissed = decisions.Where(d => d.Value == OpportunityDecision.Dismissed).Select(d => d.Key).ToHashSet();
        var shortlisted = decisions.Where(d => d.Value == OpportunityDecision.Shortlisted).Select(d => d.Key).ToHashSet();
        IReadOnlyList<OpportunityView> views = [];
        if (withDismissed)
        {
            var found = await reader.ByIdsAsync(dismissed, ct);
            views = found.Values.Select(o => OpportunityView.Create(o, culture, taxonomy)).OrderBy(v => v.Title).ToList();
        }
        return new InvestorMatchBoard(profile, dismissed, shortlisted, views);
    }

    /// <summary>The top matches with their score and reasons. Throws <see cref="SearchUnavailableException"/> when the engine cannot answer.</summary>
    public async Task<IReadOnlyList<(OpportunityView View, string Score, IReadOnlyList<string> Reasons)>> RankAsync(
        InvestorMatchBoard board, string culture, CancellationToken ct = default)
    {
        // Ask for as many more as were dismissed, so hiding them does not shorten the list.
        var matches = await engine.MatchOpportunitiesForInvestorAsync(builder.ForMatching(board.Profile), Top + Math.Min(board.DismissedIds.Count, 200), ct);
        matches = matches.Where(m => !board.DismissedIds.Contains(m.Id)).Take(Top).ToList();
        var entities = await reader.ByIdsAsync(matches.Select(m => m.Id).ToList(), ct);
        return matches.Where(m => entities.ContainsKey(m.Id)).Select(m => (
            OpportunityView.Create(entities[m.Id], culture, taxonomy),
            MatchReasonText.Percent(m.Score, culture),
            (IReadOnlyList<string>)m.Reasons.Select(r => reasons.Describe(r, culture)).ToList())).ToList();
    }
}
