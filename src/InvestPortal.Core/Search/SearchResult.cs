namespace InvestPortal.Core.Search;

/// <param name="Facets">group → code → count, for the requested groups; counted over all hits (not only this page).
/// A document in a county-level city is counted under the city and under its prefecture.</param>
public sealed record SearchResult(
    long Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public static SearchResult Empty(int page, int pageSize) => new(0, page, pageSize, [], new Dictionary<string, IReadOnlyDictionary<string, int>>());
}
