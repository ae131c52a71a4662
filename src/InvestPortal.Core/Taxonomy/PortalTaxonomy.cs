using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;

namespace InvestPortal.Core.Taxonomy;

/// <summary>
/// Sectors, locations (with parents), Russian partner regions, cooperation modes and stages.
/// Loaded once from content/taxonomy.json; the codes are the stable contract of DOMAIN.md.
/// </summary>
public sealed class PortalTaxonomy
{
    // Swapped as a whole by ApplyOverrides: readers get either the old or the new labels, never a mix within a list.
    private IReadOnlyList<TaxonomyTerm> _sectors = [], _locations = [], _partnerRegions = [], _modes = [], _stages = [];
    private Dictionary<string, IReadOnlyList<TaxonomyTerm>>? _fileTerms;
    private readonly Lock _overrideLock = new();

    public required IReadOnlyList<TaxonomyTerm> Sectors { get => Volatile.Read(ref _sectors); init => _sectors = value; }
    public required IReadOnlyList<TaxonomyTerm> Locations { get => Volatile.Read(ref _locations); init => _locations = value; }
    public required IReadOnlyList<TaxonomyTerm> PartnerRegions { get => Volatile.Read(ref _partnerRegions); init => _partnerRegions = value; }
    public required IReadOnlyList<TaxonomyTerm> Modes { get => Volatile.Read(ref _modes); init => _modes = value; }
    public required IReadOnlyList<TaxonomyTerm> Stages { get => Volatile.Read(ref _stages); init => _stages = value; }

    /// <summary>The kind names of TaxonomyLabel rows (sector, location, region, mode, stage) and their groups.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindGroups = new Dictionary<string, string>
    {
        ["sector"] = "sectors", ["location"] = "locations", ["region"] = "partnerRegions", ["mode"] = "modes", ["stage"] = "stages",
    };

    /// <summary>The label content/taxonomy.json gives a term, whatever an admin has overridden since.</summary>
    public string? FileLabel(string group, string code, string culture)
    {
        var terms = _fileTerms?.GetValueOrDefault(group) ?? Group(group);
        return terms.FirstOrDefault(t => t.Code == code)?.Labels.GetValueOrDefault(culture);
    }

    /// <summary>
    /// Replaces the admins' overrides (kind, code, culture → label) on top of the file's labels. Every page reads
    /// labels through this object, so the new wording shows everywhere at once; unknown kinds and codes are ignored.
    /// </summary>
    public void ApplyOverrides(IEnumerable<(string Kind, string Code, string Culture, string Label)> overrides)
    {
        var byGroup = overrides.Where(o => KindGroups.ContainsKey(o.Kind) && Cultures.IsSupported(o.Culture) && !string.IsNullOrWhiteSpace(o.Label))
            .GroupBy(o => KindGroups[o.Kind])
            .ToDictionary(g => g.Key, g => g.GroupBy(o => o.Code).ToDictionary(c => c.Key, c => c.ToList()));
        lock (_overrideLock)
        {
            _fileTerms ??= Groups.ToDictionary(g => g, Group);
            IReadOnlyList<TaxonomyTerm> Build(string group) =>
                _fileTerms[group].Select(t => byGroup.GetValueOrDefault(group)?.GetValueOrDefault(t.Code) is { } changes
                    ? t with { Labels = Merge(t.Labels, changes.Select(c => (c.Culture, c.Label))) }
                    : t).ToList();
            Volatile.Write(ref _sectors, Build("sectors"));
            Volatile.Write(ref _locations, Build("locations"));
            Volatile.Write(ref _partnerRegions, Build("partnerRegions"));
            Volatile.Write(ref _modes, Build("modes"));
            Volatile.Write(ref _stages, Build("stages"));
        }
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> labels, IEnumerable<(string Culture, string Label)> changes)
    {
        var merged = labels.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (culture, label) in changes) merged[culture] = label.Trim();
        return merged;
    }

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
        // Every listing without its own point takes its location's: a location without one would leave listings off the map.
        foreach (var loc in Locations.Where(l => l.Position is not { } p || !HeilongjiangBounds.Contains(p)))
            throw new InvalidDataException($"{path}: location '{loc.Code}' has no position in Heilongjiang.");
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
        public PositionDto? Position { get; set; }

        public TaxonomyTerm ToTerm() => new(Code,
            new Dictionary<string, string> { [Cultures.Zh] = Zh, [Cultures.Ru] = Ru, [Cultures.En] = En },
            string.IsNullOrEmpty(Parent) ? null : Parent,
            Position is null ? null : new GeoPoint(Position.Latitude, Position.Longitude));
    }

    private sealed class PositionDto
    {
        public double Latitude { get; set; }
        public double Longitude { get; set; }
    }
}
