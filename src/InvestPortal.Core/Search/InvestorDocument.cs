using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

/// <summary>What both engines index for one public investor profile (also the "query" side of matching for any profile).</summary>
public sealed record InvestorDocument
{
    public required Guid Id { get; init; }
    public required string ExternalRef { get; init; }
    public string Slug { get; init; } = "";
    public string OriginalCulture { get; init; } = Cultures.En;
    public IReadOnlyDictionary<string, InvestorText> Texts { get; init; } = new Dictionary<string, InvestorText>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Import-format code (corporate, fund, …).</summary>
    public string Kind { get; init; } = "corporate";
    public string Country { get; init; } = "";
    public string? HomeRegion { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Sectors { get; init; } = [];
    /// <summary>As stated in the profile.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];
    /// <summary>The stated locations and their parents: what the location facet counts.</summary>
    public IReadOnlyList<string> LocationPath { get; init; } = [];
    /// <summary>The stated locations, their parents and their children: what location filters look at.</summary>
    public IReadOnlyList<string> LocationScope { get; init; } = [];
    public IReadOnlyList<string> Modes { get; init; } = [];
    public decimal? TicketMinCny { get; init; }
    public decimal? TicketMaxCny { get; init; }
    public IReadOnlyList<string> Concepts { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public bool IsDemo { get; init; }

    public string AllText(string culture)
    {
        var parts = new List<string?>();
        if (Texts.TryGetValue(culture, out var t)) parts.AddRange([t.Name, t.Description]);
        parts.Add(Labels.GetValueOrDefault(culture));
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
