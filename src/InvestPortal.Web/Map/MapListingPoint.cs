namespace InvestPortal.Web.Map;

/// <summary>The listing a detail page shows: its own point on the map, and where its distances are measured from (for the list beside the map).</summary>
public sealed record MapListingPoint(string Name, double Longitude, double Latitude, string MeasuredFrom = "");
