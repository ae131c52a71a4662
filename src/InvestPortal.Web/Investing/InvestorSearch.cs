using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Investing;

/// <summary>The public investor directory: the engine finds, the database supplies the public profiles it found.</summary>
public sealed class InvestorSearch(ISearchEngine engine, InvestorReader reader, PortalTaxonomy taxonomy)
{
    /// <summary>Throws <see cref="SearchUnavailableException"/> when the engine cannot answer.</summary>
    public async Task<InvestorSearchResult> SearchAsync(InvestorSearchForm form, string culture, int pageSize, CancellationToken ct = default)
    {
        var result = await engine.SearchInvestorsAsync(form.ToQuery(culture, pageSize), ct);
        var profiles = await reader.ByIdsAsync(result.Hits.Select(h => h.Id).ToList(), ct);
        var items = result.Hits.Where(h => profiles.ContainsKey(h.Id))
            .Select(h => (InvestorView.Create(profiles[h.Id], culture, taxonomy), h.Highlights)).ToList();
        return new InvestorSearchResult(items, result.Facets, result.Total);
    }
}
