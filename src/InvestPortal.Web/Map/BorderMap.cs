namespace InvestPortal.Web.Map;

/// <summary>What one page's map shows; <see cref="BorderMapSvg"/> draws it, the page lists the same places and crossings beside it.</summary>
/// <param name="Id">Unique on the page: the SVG's title and description are referenced by it.</param>
public sealed record BorderMap(string Id, string Title, string Description, MapTexts Texts,
    IReadOnlyList<MapPlace> Places, IReadOnlyList<MapCrossing> Crossings, MapListingPoint? Listing = null);
