using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Taxonomy;

/// <summary>A code with its label in each of zh, ru and en.</summary>
public sealed record TaxonomyTerm(string Code, IReadOnlyDictionary<string, string> Labels, string? Parent = null)
{
    public string Label(string culture) =>
        Labels.TryGetValue(culture, out var label) ? label : Labels.GetValueOrDefault(Cultures.En, Code);
}

/// <summary>
/// Sectors, locations (with parents), Russian partner regions, cooperation modes and stages.
/// Loaded once from content/taxonomy.json; the codes are the stable contract of DOMAIN.md.
/// </summary>
public sealed class PortalTaxonomy
{
    public required IReadOnlyList<TaxonomyTerm> Sectors { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Locations { get; init; }
    public required IReadOnlyList<TaxonomyTerm> PartnerRegions { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Modes { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Stages { get; init; }

    public static readonly IReadOnlyList<string> Currencies = ["CNY", "RUB", "USD", "EUR"];

    public static readonly IReadOnlyList<string> Groups = ["sectors", "locations", "partnerRegions", "modes", "stages"];

    public IReadOnlyList<TaxonomyTerm> Group(string name) => name switch
    {
        "sectors" => Sectors,
        "locations" => Locations,
        "partnerRegions" => PartnerRegions,
        "modes" => Modes,
        "stages" => Stages,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown taxonomy group."),
    };

    public TaxonomyTerm? Sector(string? code) => Find(Sectors, code);
    public TaxonomyTerm? Location(string? code) => Find(Locations, code);
    public TaxonomyTerm? PartnerRegion(string? code) => Find(PartnerRegions, code);
    public TaxonomyTerm? Mode(string? code) => Find(Modes, code);
    public TaxonomyTerm? Stage(string? code) => Find(Stages, code);

    /// <summary>A location and every location below it: filtering by a prefecture includes its county-level cities.</summary>
    public IReadOnlyList<string> LocationWithChildren(string code) =>
        [code, .. Locations.Where(l => l.Parent == code).Select(l => l.Code)];

    private static TaxonomyTerm? Find(IReadOnlyList<TaxonomyTerm> terms, string? code) =>
        code is null ? null : terms.FirstOrDefault(t => t.Code == code);

    public static PortalTaxonomy Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<TaxonomyFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var taxonomy = new PortalTaxonomy
        {
            Sectors = file.Sectors.Select(t => t.ToTerm()).ToList(),
            Locations = file.Locations.Select(t => t.ToTerm()).ToList(),
            PartnerRegions = file.PartnerRegions.Select(t => t.ToTerm()).ToList(),
            Modes = file.Modes.Select(t => t.ToTerm()).ToList(),
            Stages = file.Stages.Select(t => t.ToTerm()).ToList(),
        };
        taxonomy.Validate(path);
        return taxonomy;
    }

    private void Validate(string path)
    {
        foreach (var group in Groups)
        {
            foreach (var term in Group(group))
            {
                var missing = Cultures.All.Where(c => string.IsNullOrWhiteSpace(term.Labels.GetValueOrDefault(c))).ToList();
                if (missing.Count > 0)
                    throw new InvalidDataException($"{path}: {group} '{term.Code}' lacks a label in {string.Join(", ", missing)}.");
            }
        }
        foreach (var loc in Locations.Where(l => l.Parent is not null && Location(l.Parent) is null))
            throw new InvalidDataException($"{path}: location '{loc.Code}' has unknown parent '{loc.Parent}'.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed class TaxonomyFile
    {
        public List<TermDto> Sectors { get; set; } = [];
        public List<TermDto> Locations { get; set; } = [];
        public List<TermDto> PartnerRegions { get; set; } = [];
        public List<TermDto> Modes { get; set; } = [];
        public List<TermDto> Stages { get; set; } = [];
    }

    private sealed class TermDto
    {
        public string Code { get; set; } = "";
        [JsonPropertyName("parent")] public string? Parent { get; set; }
        public string Zh { get; set; } = "";
        public string Ru { get; set; } = "";
        public string En { get; set; } = "";

        public TaxonomyTerm ToTerm() => new(Code,
            new Dictionary<string, string> { [Cultures.Zh] = Zh, [Cultures.Ru] = Ru, [Cultures.En] = En },
            string.IsNullOrEmpty(Parent) ? null : Parent);
    }
}
