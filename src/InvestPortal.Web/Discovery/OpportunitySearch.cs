using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;

namespace InvestPortal.Web.Discovery;

/// <summary>
/// Runs a search on the configured engine and loads the hits from the database, which stays the
/// source of truth: a hit whose listing was unpublished since it was indexed is simply left out. A search that
/// finds nothing (page and API alike) is summed as unmet demand, without anything about who searched.
/// </summary>
public sealed class OpportunitySearch(ISearchEngine engine, OpportunityReader reader, Demand.UnmetSearchRecorder unmet)
{
    public async Task<OpportunitySearchResult> SearchAsync(OpportunityQuery query, CancellationToken ct = default)
    {
        var result = await engine.SearchOpportunitiesAsync(query, ct);
        var entities = await reader.ByIdsAsync(result.Hits.Select(h => h.Id).ToList(), ct);
        var hits = result.Hits
            .Where(h => entities.ContainsKey(h.Id))
            .Select(h => new OpportunityHit(entities[h.Id], h.Score, h.Highlights))
            .ToList();
        if (result.Total == 0) unmet.Record(query);
        return new OpportunitySearchResult(result.Total, hits, result.Facets);
    }
}
