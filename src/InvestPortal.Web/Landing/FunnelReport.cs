namespace InvestPortal.Web.Landing;

/// <summary>
/// The public funnel: only groups with at least <see cref="MinGroupInterests"/> interests are in it; how many were
/// left out is said, never which. <see cref="Total"/> is null when the whole portal has fewer interests than that.
/// </summary>
public sealed record FunnelReport(FunnelRow? Total, IReadOnlyList<FunnelRow> Cities, int HiddenCities,
    IReadOnlyList<FunnelRow> Sectors, int HiddenSectors, IReadOnlyList<FunnelMonth> Months,
    int MinGroupInterests, DateTimeOffset ComputedAt)
{
    public bool IncludesDemo => (Total?.IsDemo ?? false) || Cities.Any(c => c.IsDemo) || Sectors.Any(s => s.IsDemo);
}
