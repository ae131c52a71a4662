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
    // investor profiles
    public const string Kind = "kind";
    public const string Country = "country";

    public static readonly IReadOnlyList<string> Opportunity = [Sector, Location, Mode, Stage, PartnerRegion];
    public static readonly IReadOnlyList<string> Investor = [Sector, Location, Kind, Country];
}
