using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

/// <summary>A search over public investor profiles.</summary>
public sealed record InvestorQuery
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    /// <summary>Profiles interested in any of these locations (a prefecture includes its cities, and vice versa a city filter finds profiles naming its prefecture).</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];
    /// <summary>Import-format codes: corporate, fund, state-owned, bank, individual (see <see cref="InvestorKinds"/>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Facets { get; init; } = [];
    /// <summary>Relevance or Newest (last updated); amount sorts fall back to relevance.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = OpportunityQuery.DefaultPageSize;
    public string Culture { get; init; } = Cultures.En;
}
