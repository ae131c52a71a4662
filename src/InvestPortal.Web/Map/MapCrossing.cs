namespace InvestPortal.Web.Map;

/// <summary>
/// A border crossing on the map: a symbol by kind, a short visible label, the full name and kinds for the link's title;
/// on a listing's page its distance, and the town opposite written out for the list beside the map.
/// </summary>
public sealed record MapCrossing(string Code, string Name, string ShortName, string KindsText, CrossingSymbol Symbol,
    double Longitude, double Latitude, string Href, string? DistanceText = null, string? CounterpartText = null);
