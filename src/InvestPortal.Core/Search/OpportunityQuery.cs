using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

/// <summary>
/// A search over published opportunities. Serializable with System.Text.Json (web defaults): a saved
/// search is this object as JSON. Within one filter group codes are OR-ed, groups are AND-ed.
/// </summary>
public sealed record OpportunityQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>Words in any of zh, ru, en; never parsed as query syntax.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    /// <summary>Location codes; a prefecture includes its county-level cities.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];
    public IReadOnlyList<string> PartnerRegions { get; init; } = [];
    public IReadOnlyList<string> Modes { get; init; } = [];
    public IReadOnlyList<string> Stages { get; init; } = [];
    /// <summary>Bounds on the total investment, in <see cref="Currency"/>, inclusive.</summary>
    public decimal? MinAmount { get; init; }
    public decimal? MaxAmount { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>Only listings within this many km of a border crossing (10, 50 or 150; other values are ignored); with
    /// <see cref="Crossings"/>, within this many km of one of those crossings.</summary>
    public int? WithinKm { get; init; }
    /// <summary>Border crossing codes: only listings within <see cref="WithinKm"/> (default 150) km of one of them.</summary>
    public IReadOnlyList<string> Crossings { get; init; } = [];
    /// <summary>Facet groups to count (see <see cref="FacetGroups.Opportunity"/>); empty means none.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>The language highlights are produced in (falls back to the document's original).</summary>
    public string Culture { get; init; } = Cultures.En;
}
