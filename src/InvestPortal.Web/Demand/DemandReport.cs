namespace InvestPortal.Web.Demand;

/// <summary>Unmet demand as one reader may see it: gaps first, the largest demand first. Regions and sectors say whose it is (empty for admins: everything).</summary>
public sealed record DemandReport(IReadOnlyList<DemandCell> Cells, IReadOnlyList<string> Regions, IReadOnlyList<string> Sectors)
{
    public IEnumerable<DemandCell> Gaps => Cells.Where(c => c.IsGap);
}
