using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Home;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages;

public sealed class IndexModel(OpportunityReader opportunities, HomeFigures home, PortalTaxonomy taxonomy, Map.BorderMapBuilder maps) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Newest { get; private set; } = [];
    public IReadOnlyDictionary<string, int> SectorCounts { get; private set; } = new Dictionary<string, int>();
    public PortalTaxonomy Taxonomy => taxonomy;
    public int PublishedCount { get; private set; }
    public int InvestorCount { get; private set; }
    public int LocationCount { get; private set; }
    public string TotalVolume { get; private set; } = "";
    /// <summary>Published listings per location on the map of the border, as an empty search counts them.</summary>
    public Map.BorderMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, total) = await opportunities.PageAsync(1, 6, ct);
        Newest = items.Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
        PublishedCount = total;
        var figures = await home.KeyFiguresAsync(ct);
        SectorCounts = figures.SectorCounts;
        InvestorCount = figures.InvestorCount;
        LocationCount = figures.LocationCount;
        TotalVolume = Formatting.Money(figures.TotalCny, "CNY", Culture);
        Map = await maps.ForHomeAsync(Culture, ct);
    }
}
