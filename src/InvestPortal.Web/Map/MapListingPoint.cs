namespace InvestPortal.Web.Map;

/// <summary>The listing a detail page shows: its own point on the map.</summary>
public sealed record MapListingPoint(string Name, double Longitude, double Latitude);
