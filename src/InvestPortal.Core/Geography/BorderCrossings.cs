using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Geography;

/// <summary>
/// The border crossings, loaded once from content/border-crossings.json and validated like the taxonomy (every name in
/// zh, ru and en, a position in the province, at least one mode, a source for every fact). Admins' corrections
/// (<see cref="ApplyCorrections"/>) replace the whole list at once, so a reader sees either the old or the new data.
/// </summary>
public sealed class BorderCrossings
{
    /// <summary>The distances the search facet offers, in kilometres ("within 10 / 50 / 150 km of a crossing").</summary>
    public static readonly IReadOnlyList<int> DistanceBands = [10, 50, 150];

    /// <summary>Crossings farther than this are not indexed with a listing: the widest band.</summary>
    public const int IndexedRadiusKm = 150;

    /// <summary>Fact names a source may support besides the modes.</summary>
    public static readonly IReadOnlyList<string> Facts = ["position", "counterpart", "status", "road", "rail", "riverPort", "iceRoad", "pontoon"];

    private IReadOnlyList<BorderCrossing> _all;
    private readonly IReadOnlyList<BorderCrossing> _file;
    private readonly Lock _lock = new();

    public BorderCrossings(IReadOnlyList<BorderCrossing> crossings)
    {
        _file = crossings;
        _all = crossings;
    }

    public IReadOnlyList<BorderCrossing> All => Volatile.Read(ref _all);

    public BorderCrossing? Find(string? code) => code is null ? null : All.FirstOrDefault(c => c.Code == code);

    /// <summary>The crossing as content/border-crossings.json gives it, whatever an admin has corrected since.</summary>
    public BorderCrossing? FileVersion(string code) => _file.FirstOrDefault(c => c.Code == code);

    /// <summary>The nearest crossings to a point, nearest first (ties by code, so the order is stable).</summary>
    public IReadOnlyList<NearbyCrossing> Nearest(GeoPoint point, int count) =>
        All.Select(c => new NearbyCrossing(c, point.DistanceKm(c.Position)))
            .OrderBy(n => n.DistanceKm).ThenBy(n => n.Crossing.Code, StringComparer.Ordinal)
            .Take(count).ToList();

    /// <summary>Every crossing within a radius, nearest first.</summary>
    public IReadOnlyList<NearbyCrossing> Within(GeoPoint point, double radiusKm) =>
        All.Select(c => new NearbyCrossing(c, point.DistanceKm(c.Position)))
            .Where(n => n.DistanceKm <= radiusKm)
            .OrderBy(n => n.DistanceKm).ThenBy(n => n.Crossing.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Replaces admins' corrections on top of the file's crossings. Unknown codes are ignored; a correction that would
    /// make a crossing invalid (position outside the province, no mode, an empty name) must be refused before it gets here.
    /// </summary>
    public void ApplyCorrections(IEnumerable<BorderCrossing> corrections)
    {
        var byCode = corrections.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.Last());
        lock (_lock)
        {
            Volatile.Write(ref _all, _file.Select(c => byCode.GetValueOrDefault(c.Code) ?? c).ToList());
        }
    }

    public static BorderCrossings Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CrossingFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var crossings = file.Crossings.Select(d => d.ToCrossing(path)).ToList();
        Validate(path, crossings);
        return new BorderCrossings(crossings);
    }

    /// <summary>Why a crossing is not acceptable, or null: the same rules for the file and for an admin's correction.</summary>
    public static string? Problem(BorderCrossing c)
    {
        var missing = Cultures.All.Where(l => string.IsNullOrWhiteSpace(c.Names.GetValueOrDefault(l))
            || string.IsNullOrWhiteSpace(c.Counterpart.GetValueOrDefault(l))).ToList();
        if (missing.Count > 0) return $"crossing '{c.Code}' lacks a name or counterpart town in {string.Join(", ", missing)}";
        if (!HeilongjiangBounds.Contains(c.Position)) return $"crossing '{c.Code}' at {c.Position} is not in Heilongjiang";
        if (c.Modes == CrossingModes.None) return $"crossing '{c.Code}' carries nothing (no mode)";
        return null;
    }

    private static void Validate(string path, IReadOnlyList<BorderCrossing> crossings)
    {
        foreach (var dup in crossings.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            throw new InvalidDataException($"{path}: crossing '{dup.Key}' appears twice.");
        foreach (var c in crossings)
        {
            if (Problem(c) is { } problem) throw new InvalidDataException($"{path}: {problem}.");
            var supported = c.Sources.SelectMany(s => s.Facts).ToHashSet(StringComparer.Ordinal);
            var needed = AlwaysSourced.Concat(c.ModeList().Select(ModeName));
            if (c.Status == CrossingStatus.Suspended) needed = needed.Append("status");
            var unsourced = needed.Where(f => !supported.Contains(f)).ToList();
            if (unsourced.Count > 0)
                throw new InvalidDataException($"{path}: crossing '{c.Code}' has no source for {string.Join(", ", unsourced)}.");
            var unknown = supported.Where(f => !Facts.Contains(f)).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"{path}: crossing '{c.Code}' cites a source for unknown facts {string.Join(", ", unknown)}.");
        }
    }

    /// <summary>The camelCase name of a mode, as the file, the search index and the query string write it.</summary>
    public static string ModeName(CrossingModes mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());

    public static CrossingModes ParseModes(IEnumerable<string> names)
    {
        var modes = CrossingModes.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<CrossingModes>(name, ignoreCase: true, out var mode) || mode == CrossingModes.None || !Enum.IsDefined(mode))
                throw new FormatException($"Unknown crossing mode '{name}'.");
            modes |= mode;
        }
        return modes;
    }

    private static readonly string[] AlwaysSourced = ["position", "counterpart"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed class CrossingFile
    {
        public List<CrossingDto> Crossings { get; set; } = [];
    }

    private sealed class CrossingDto
    {
        public string Code { get; set; } = "";
        public string GlossaryConcept { get; set; } = "";
        public Dictionary<string, string> Names { get; set; } = [];
        public Dictionary<string, List<string>> Aliases { get; set; } = [];
        public Dictionary<string, string> Counterpart { get; set; } = [];
        public string PartnerRegion { get; set; } = "";
        public PositionDto? Position { get; set; }
        public List<string> Modes { get; set; } = [];
        public string Status { get; set; } = "operating";
        public List<SourceDto> Sources { get; set; } = [];

        public BorderCrossing ToCrossing(string path)
        {
            if (string.IsNullOrWhiteSpace(Code)) throw new InvalidDataException($"{path}: a crossing has no code.");
            if (Position is null) throw new InvalidDataException($"{path}: crossing '{Code}' has no position.");
            CrossingModes modes;
            try { modes = ParseModes(Modes); }
            catch (FormatException e) { throw new InvalidDataException($"{path}: crossing '{Code}': {e.Message}"); }
            if (!Enum.TryParse<CrossingStatus>(Status, ignoreCase: true, out var status))
                throw new InvalidDataException($"{path}: crossing '{Code}' has unknown status '{Status}'.");
            return new BorderCrossing(Code, GlossaryConcept, Names,
                Aliases.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
                Counterpart, PartnerRegion, new GeoPoint(Position.Latitude, Position.Longitude), modes, status,
                Sources.Select(s => new CrossingSource(s.Facts, s.Url, s.Note)).ToList());
        }
    }

    private sealed class PositionDto
    {
        public double Latitude { get; set; }
        public double Longitude { get; set; }
    }

    private sealed class SourceDto
    {
        public List<string> Facts { get; set; } = [];
        public string Url { get; set; } = "";
        public string Note { get; set; } = "";
    }
}
