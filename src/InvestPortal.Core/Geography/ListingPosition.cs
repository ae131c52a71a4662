using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Core.Geography;

/// <summary>Where a listing is: the official's own point when given, else its location's position (or its parent's).</summary>
public static class ListingPosition
{
    public static GeoPoint? Of(Opportunity o, PortalTaxonomy taxonomy) => Of(o.Latitude, o.Longitude, o.LocationCode, taxonomy);

    public static GeoPoint? Of(double? latitude, double? longitude, string? locationCode, PortalTaxonomy taxonomy)
    {
        if (latitude is { } lat && longitude is { } lon && new GeoPoint(lat, lon) is { IsValid: true } own) return own;
        for (var term = taxonomy.Location(locationCode); term is not null; term = taxonomy.Location(term.Parent))
        {
            if (term.Position is { } p) return p;
            if (term.Parent == term.Code) break;
        }
        return null;
    }

    /// <summary>True when the official gave the point (rather than the location standing for it).</summary>
    public static bool IsOwn(Opportunity o) => o.Latitude is not null && o.Longitude is not null;
}
