using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

/// <summary>Names of facet groups, as they appear in <see cref="SearchResult.Facets"/> and in the JSON API.</summary>
public static class FacetGroups
{
    public const string Sector = "sector";
    public const string Location = "location";
    public const string Mode = "mode";
    public const string Stage = "stage";
    public const string PartnerRegion = "partnerRegion";
    /// <summary>Bands "10", "50", "150": listings within that many km of some border crossing (a listing counts in every band it is within).</summary>
    public const string CrossingDistance = "crossingDistance";
    /// <summary>Crossing codes: listings within 150 km of that crossing.</summary>
    public const string Crossing = "crossing";
    // investor profiles
    public const string Kind = "kind";
    public const string Country = "country";

    public static readonly IReadOnlyList<string> Opportunity = [Sector, Location, Mode, Stage, PartnerRegion, CrossingDistance, Crossing];
    public static readonly IReadOnlyList<string> Investor = [Sector, Location, Kind, Country];
}
