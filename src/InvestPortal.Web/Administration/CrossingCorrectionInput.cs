using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;

namespace InvestPortal.Web.Administration;

/// <summary>
/// What the crossing correction form posts: the crossing as the admin wants it. An empty field means "as the content
/// file says". Strings are nullable so MVC adds no implicit rules of its own; coordinates stay text so what was typed
/// comes back unchanged with its error.
/// </summary>
public sealed class CrossingCorrectionInput
{
    public string? NameZh { get; set; }
    public string? NameRu { get; set; }
    public string? NameEn { get; set; }
    public string? CounterpartZh { get; set; }
    public string? CounterpartRu { get; set; }
    public string? CounterpartEn { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    /// <summary>Mode names as the file writes them (road, rail, riverPort, iceRoad, pontoon).</summary>
    public List<string> Modes { get; set; } = [];
    public string? SourceNote { get; set; }

    /// <summary>The form filled with the crossing as it stands now (corrected or from the file) and the correction's note.</summary>
    public static CrossingCorrectionInput From(BorderCrossing current, BorderCrossingCorrection? correction)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return new()
        {
            NameZh = current.Names.GetValueOrDefault(Cultures.Zh), NameRu = current.Names.GetValueOrDefault(Cultures.Ru),
            NameEn = current.Names.GetValueOrDefault(Cultures.En),
            CounterpartZh = current.Counterpart.GetValueOrDefault(Cultures.Zh), CounterpartRu = current.Counterpart.GetValueOrDefault(Cultures.Ru),
            CounterpartEn = current.Counterpart.GetValueOrDefault(Cultures.En),
            Latitude = current.Position.Latitude.ToString(ci), Longitude = current.Position.Longitude.ToString(ci),
            Modes = [.. current.ModeList().Select(BorderCrossings.ModeName)],
            SourceNote = correction?.SourceNote,
        };
    }

    /// <summary>Problems as (field, resource key) pairs; empty when the input can be compared with the file and saved.</summary>
    public List<(string Field, string Key)> Validate()
    {
        var problems = new List<(string, string)>();
        foreach (var (field, value) in Texts())
            if (value?.Trim().Length > BorderCrossingCorrection.MaxName) problems.Add((field, "AdminCrossings.Error.TooLong"));
        // The same rule as the editor's and the importer's point: decimal degrees, inside the province.
        if (PositionInput.Check(Latitude, Longitude) is { } position) problems.Add((position.Field.ToString(), position.MessageKey));
        if (ParsedModes() is not { } modes || modes == CrossingModes.None) problems.Add((nameof(Modes), "AdminCrossings.Error.Kinds"));
        if (SourceNote?.Trim().Length > BorderCrossingCorrection.MaxSourceNote) problems.Add((nameof(SourceNote), "AdminCrossings.Error.SourceTooLong"));
        return problems;
    }

    public IEnumerable<(string Field, string? Value)> Texts() =>
    [
        (nameof(NameZh), NameZh), (nameof(NameRu), NameRu), (nameof(NameEn), NameEn),
        (nameof(CounterpartZh), CounterpartZh), (nameof(CounterpartRu), CounterpartRu), (nameof(CounterpartEn), CounterpartEn),
    ];

    /// <summary>The checked kinds, or null when one is not a known kind (a forged post).</summary>
    public CrossingModes? ParsedModes()
    {
        try { return BorderCrossings.ParseModes(Modes.Where(m => !string.IsNullOrWhiteSpace(m))); }
        catch (FormatException) { return null; }
    }
}
