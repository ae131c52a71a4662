using InvestPortal.Core.Geography;

namespace InvestPortal.Core.Domain;

/// <summary>
/// An admin's correction of one border crossing of content/border-crossings.json. Each field overrides the file's fact
/// when set and leaves it alone when null, like a taxonomy label override: a later fix of the file still shows through
/// every fact the admin did not touch. Who made it and what changed is in the audit log.
/// </summary>
public class BorderCrossingCorrection
{
    public const int MaxName = 200;
    public const int MaxSourceNote = 1000;

    /// <summary>The crossing's code in the file.</summary>
    public string Code { get; set; } = "";
    public string? NameZh { get; set; }
    public string? NameRu { get; set; }
    public string? NameEn { get; set; }
    public string? CounterpartZh { get; set; }
    public string? CounterpartRu { get; set; }
    public string? CounterpartEn { get; set; }
    /// <summary>Both or neither: a point is only ever replaced as a whole.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public CrossingModes? Modes { get; set; }
    /// <summary>Where the corrected facts come from; shown with the crossing's sources.</summary>
    public string SourceNote { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>True when no field overrides the file any more (the row can go).</summary>
    public bool IsEmpty => NameZh is null && NameRu is null && NameEn is null && CounterpartZh is null && CounterpartRu is null
        && CounterpartEn is null && Latitude is null && Longitude is null && Modes is null;

    /// <summary>
    /// The file's crossing with this correction on top. The note becomes a source of the facts it changes, so a corrected
    /// crossing still names a source for each fact, as the file must.
    /// </summary>
    public BorderCrossing ApplyTo(BorderCrossing file)
    {
        var facts = new List<string>();
        if (Latitude is not null && Longitude is not null) facts.Add("position");
        if (CounterpartZh is not null || CounterpartRu is not null || CounterpartEn is not null) facts.Add("counterpart");
        if (Modes is { } modes) facts.AddRange(Enum.GetValues<CrossingModes>().Where(m => m != CrossingModes.None && modes.HasFlag(m)).Select(BorderCrossings.ModeName));
        IReadOnlyList<CrossingSource> sources = string.IsNullOrWhiteSpace(SourceNote) ? file.Sources : [.. file.Sources, new CrossingSource(facts, "", SourceNote)];
        return file with
        {
            Names = Merge(file.Names, NameZh, NameRu, NameEn),
            Counterpart = Merge(file.Counterpart, CounterpartZh, CounterpartRu, CounterpartEn),
            Position = Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : file.Position,
            Modes = Modes ?? file.Modes,
            Sources = sources,
        };
    }

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> file, string? zh, string? ru, string? en)
    {
        var merged = file.ToDictionary(kv => kv.Key, kv => kv.Value);
        if (zh is not null) merged[Cultures.Zh] = zh;
        if (ru is not null) merged[Cultures.Ru] = ru;
        if (en is not null) merged[Cultures.En] = en;
        return merged;
    }
}
