using InvestPortal.Core.Search;

namespace InvestPortal.Web.Investing;

/// <summary>One page of the investor directory: the profiles found (with highlights), the facet counts and the total.</summary>
public sealed record InvestorSearchResult(
    IReadOnlyList<(InvestorView View, IReadOnlyList<Highlight> Highlights)> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, long Total);
