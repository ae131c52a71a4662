namespace InvestPortal.Web.Map;

/// <summary>
/// A location on the map: its name, the published listings there (a bubble sized by the count) and the search that
/// lists them. Without listings it is only a dot and its name, and not a link.
/// </summary>
/// <param name="Title">The link's full name for screen readers and the tooltip ("Harbin: 12 published opportunities").</param>
public sealed record MapPlace(string Code, string Name, double Longitude, double Latitude, int Count, string CountText,
    string Title, string? Href, bool Selected = false);
