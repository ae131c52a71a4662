using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Core.Search;

/// <summary>A resolved <see cref="OpportunityQuery"/>. Amounts in CNY; Locations already include children.</summary>
public sealed record OpportunitySearchPlan(
    string? Text, IReadOnlyList<string> Concepts,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations, IReadOnlyList<string> PartnerRegions,
    IReadOnlyList<string> Modes, IReadOnlyList<string> Stages,
    decimal? MinAmountCny, decimal? MaxAmountCny,
    IReadOnlyList<string> Facets, SearchSort Sort, int Page, int PageSize, string Culture)
{
    /// <summary>One of <see cref="Geography.BorderCrossings.DistanceBands"/>, or null for no distance filter.</summary>
    public int? WithinKm { get; init; }
    /// <summary>Crossing codes (alternatives); with <see cref="WithinKm"/> the radius around them, else 150 km.</summary>
    public IReadOnlyList<string> Crossings { get; init; } = [];
    /// <summary>Where each known crossing of <see cref="Crossings"/> is (an engine may filter by geo-distance from it).</summary>
    public IReadOnlyDictionary<string, Geography.GeoPoint> CrossingPositions { get; init; } = new Dictionary<string, Geography.GeoPoint>();

    /// <summary>The radius around <see cref="Crossings"/>: the chosen band or the widest.</summary>
    public int CrossingRadiusKm => WithinKm ?? Geography.BorderCrossings.IndexedRadiusKm;

    /// <summary>The "code:band" keys (<see cref="OpportunityDocument.CrossingBandKeys"/>) any of which a document must have, or empty.</summary>
    public IReadOnlyList<string> CrossingKeys => [.. Crossings.Select(c => CrossingKey(c, CrossingRadiusKm))];

    public static string CrossingKey(string crossing, int band) =>
        crossing + ":" + band.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool HasText => Text is not null;
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The filter part of the query (no text) on one document: what percolation checks before the text.</summary>
    public bool FiltersMatch(OpportunityDocument d) =>
        (Sectors.Count == 0 || Sectors.Contains(d.Sector))
        && (Locations.Count == 0 || Locations.Contains(d.Location))
        && (PartnerRegions.Count == 0 || (d.PartnerRegion is not null && PartnerRegions.Contains(d.PartnerRegion)))
        && (Modes.Count == 0 || d.Modes.Any(Modes.Contains))
        && (Stages.Count == 0 || (d.Stage is not null && Stages.Contains(d.Stage)))
        && (MinAmountCny is null || d.AmountCny >= MinAmountCny)
        && (MaxAmountCny is null || d.AmountCny <= MaxAmountCny)
        && (Crossings.Count > 0
            ? CrossingKeys.Any(d.CrossingBandKeys.Contains)
            : WithinKm is not { } km || d.CrossingBands.Contains(km.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
