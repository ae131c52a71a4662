using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Pages.Investors;
using InvestPortal.Web.Pages.Opportunities;

namespace InvestPortal.Web.Pages;

public sealed class IndexModel(OpportunityReader opportunities, InvestorReader investors, PortalTaxonomy taxonomy,
    ExchangeRateCache rates) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Newest { get; private set; } = [];
    public IReadOnlyDictionary<string, int> SectorCounts { get; private set; } = new Dictionary<string, int>();
    public PortalTaxonomy Taxonomy => taxonomy;
    public int PublishedCount { get; private set; }
    public int InvestorCount { get; private set; }
    public int LocationCount { get; private set; }
    public string TotalVolume { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (items, total) = await opportunities.PageAsync(1, 6, ct);
        Newest = items.Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
        PublishedCount = total;
        SectorCounts = await opportunities.CountsBySectorAsync(ct);
        InvestorCount = await investors.CountAsync(ct);
        LocationCount = await opportunities.LocationCountAsync(ct);
        var totals = await opportunities.TotalsByCurrencyAsync(ct);
        TotalVolume = Formatting.Money(totals.Sum(t => rates.Table.ToCny(t.Value, t.Key)), "CNY", Culture);
    }
}
