namespace InvestPortal.Web.Map;

/// <summary>The map's fixed words in the page's language: country and river names and the legend.</summary>
public sealed record MapTexts(
    string Russia, string China, string Amur, string Ussuri, string Songhua,
    string LegendListings, string LegendListing, IReadOnlyDictionary<CrossingSymbol, string> Symbols);
