using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

public enum SearchSort { Relevance, Newest, AmountAscending, AmountDescending }

/// <summary>Names of facet groups, as they appear in <see cref="SearchResult.Facets"/> and in the JSON API.</summary>
public static class FacetGroups
{
    public const string Sector = "sector";
    public const string Location = "location";
    public const string Mode = "mode";
    public const string Stage = "stage";
    public const string PartnerRegion = "partnerRegion";
    // investor profiles
    public const string Kind = "kind";
    public const string Country = "country";

    public static readonly IReadOnlyList<string> Opportunity = [Sector, Location, Mode, Stage, PartnerRegion];
    public static readonly IReadOnlyList<string> Investor = [Sector, Location, Kind, Country];
}

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
    /// <summary>Facet groups to count (see <see cref="FacetGroups.Opportunity"/>); empty means none.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>The language highlights are produced in (falls back to the document's original).</summary>
    public string Culture { get; init; } = Cultures.En;
}

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

public static class InvestorKinds
{
    public static string Code(InvestorKind kind) => kind switch
    {
        InvestorKind.Corporate => "corporate",
        InvestorKind.Fund => "fund",
        InvestorKind.StateOwned => "state-owned",
        InvestorKind.Bank => "bank",
        InvestorKind.Individual => "individual",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<InvestorKind>().Select(Code)];
}
