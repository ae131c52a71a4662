using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Geography;

/// <summary>
/// A Heilongjiang–Russia port of entry: its names (and every other spelling, which the search glossary also holds under
/// <see cref="GlossaryConcept"/>), the Russian town opposite, where it is, what it carries and the source of each fact.
/// </summary>
public sealed record BorderCrossing(
    string Code,
    string GlossaryConcept,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases,
    IReadOnlyDictionary<string, string> Counterpart,
    string PartnerRegion,
    GeoPoint Position,
    CrossingModes Modes,
    CrossingStatus Status,
    IReadOnlyList<CrossingSource> Sources)
{
    public string Name(string culture) => Names.GetValueOrDefault(culture) ?? Names[Cultures.En];
    public string CounterpartName(string culture) => Counterpart.GetValueOrDefault(culture) ?? Counterpart[Cultures.En];

    /// <summary>Every spelling in every language, names first.</summary>
    public IEnumerable<string> AllNames() =>
        Cultures.All.SelectMany(c => new[] { Names.GetValueOrDefault(c) }.Concat(Aliases.GetValueOrDefault(c) ?? []))
            .Where(n => !string.IsNullOrWhiteSpace(n))!;

    /// <summary>The kinds one by one, in the enum's order (Road, Rail, RiverPort, IceRoad, Pontoon).</summary>
    public IEnumerable<CrossingModes> ModeList() =>
        Enum.GetValues<CrossingModes>().Where(m => m != CrossingModes.None && Modes.HasFlag(m));
}
