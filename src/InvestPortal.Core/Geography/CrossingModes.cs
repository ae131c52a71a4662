namespace InvestPortal.Core.Geography;

/// <summary>
/// What a border crossing carries. Airports are not crossings here: every prefecture seat with an airport would count
/// as "near the border", and the question investors ask ("which crossing carries my goods to Russia?") is about land
/// and river routes. Seasonal kinds (ice road, pontoon) are kept apart from the river port, which works in navigation.
/// </summary>
[Flags]
public enum CrossingModes
{
    None = 0,
    /// <summary>A road checkpoint, on land or over a permanent bridge.</summary>
    Road = 1,
    /// <summary>A railway crossing; the Russian 1520 mm and the Chinese 1435 mm gauges meet (bogie exchange or transshipment, or a dual-gauge track).</summary>
    Rail = 2,
    /// <summary>A river port working in the navigation season (ships, barges, ferries, hovercraft between seasons).</summary>
    RiverPort = 4,
    /// <summary>A winter road over the river ice, seasonal.</summary>
    IceRoad = 8,
    /// <summary>A floating (pontoon) bridge laid for winter or the shoulder seasons, seasonal.</summary>
    Pontoon = 16,
}
