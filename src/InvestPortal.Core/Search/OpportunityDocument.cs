using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

/// <summary>
/// What both engines index for one published opportunity. Built only by <see cref="SearchDocumentBuilder"/>;
/// serializable with System.Text.Json so an engine can store it whole and give it back for matching.
/// </summary>
public sealed record OpportunityDocument
{
    public required Guid Id { get; init; }
    public required string ExternalRef { get; init; }
    public string Slug { get; init; } = "";
    public string OriginalCulture { get; init; } = Cultures.Zh;
    /// <summary>culture → texts, only for the cultures the opportunity is written in.</summary>
    public IReadOnlyDictionary<string, OpportunityText> Texts { get; init; } = new Dictionary<string, OpportunityText>();
    /// <summary>culture → taxonomy labels (sector, location and its parent, partner region, modes, stage) joined, for all three cultures.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required string Sector { get; init; }
    public required string Location { get; init; }
    /// <summary>The location and its ancestors: what a location filter and the location facet look at.</summary>
    public IReadOnlyList<string> LocationPath { get; init; } = [];
    public string? PartnerRegion { get; init; }
    public IReadOnlyList<string> Modes { get; init; } = [];
    public string? Stage { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>Total investment in CNY through the rate table; null when the currency has no rate.</summary>
    public decimal? AmountCny { get; init; }
    public decimal? MinTicketCny { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>Glossary concept ids found in the titles, summaries, descriptions and tags (any language).</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];
    public bool IsDemo { get; init; }
    /// <summary>The official's point, or else the location's (<see cref="Geography.ListingPosition"/>); null when neither is known.</summary>
    public Geography.GeoPoint? Position { get; init; }
    /// <summary>Straight-line distance to the nearest border crossing, km, rounded to 0.1.</summary>
    public double? NearestCrossingKm { get; init; }
    /// <summary>The distance bands (<see cref="Geography.BorderCrossings.DistanceBands"/>, "10", "50", "150") the listing lies within of some crossing.</summary>
    public IReadOnlyList<string> CrossingBands { get; init; } = [];
    /// <summary>Codes of the crossings within <see cref="Geography.BorderCrossings.IndexedRadiusKm"/>, nearest first.</summary>
    public IReadOnlyList<string> NearbyCrossings { get; init; } = [];
    /// <summary>"code:band" for each nearby crossing and each band it lies within: the "within N km of crossing X" filter.</summary>
    public IReadOnlyList<string> CrossingBandKeys { get; init; } = [];

    /// <summary>Everything searchable in one culture: its texts (if written in it), its labels and the tags.</summary>
    public string AllText(string culture)
    {
        var parts = new List<string?>();
        if (Texts.TryGetValue(culture, out var t)) parts.AddRange([t.Title, t.Summary, t.Description]);
        parts.Add(Labels.GetValueOrDefault(culture));
        parts.AddRange(Tags);
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
