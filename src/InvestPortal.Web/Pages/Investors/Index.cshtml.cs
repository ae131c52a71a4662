using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages.Investors;

public sealed class IndexModel(ISearchEngine engine, InvestorReader reader, PortalTaxonomy taxonomy, ILogger<IndexModel> log) : PortalPageModel
{
    public const int PageSize = 20;
    public InvestorSearchForm Form { get; private set; } = new();
    public IReadOnlyList<(InvestorView View, IReadOnlyList<Highlight> Highlights)> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();
    public Pager Pager { get; private set; } = null!;
    public bool Unavailable { get; private set; }

    public async Task OnGetAsync([FromQuery] InvestorSearchForm form, CancellationToken ct)
    {
        Form = form.Normalize(taxonomy);
        Pager = new Pager(Form.Page, PageSize, 0, Request);
        try
        {
            var result = await engine.SearchInvestorsAsync(Form.ToQuery(Culture, PageSize), ct);
            var profiles = await reader.ByIdsAsync(result.Hits.Select(h => h.Id).ToList(), ct);
            Items = result.Hits.Where(h => profiles.ContainsKey(h.Id))
                .Select(h => (InvestorView.Create(profiles[h.Id], Culture, taxonomy), h.Highlights)).ToList();
            Facets = result.Facets;
            Pager = Pager with { Total = result.Total };
        }
        catch (SearchUnavailableException ex)
        {
            log.LogError(ex, "Search engine unavailable");
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string Label(string group, string code) => group switch
    {
        FacetGroups.Sector => taxonomy.Sector(code)?.Label(Culture) ?? code,
        FacetGroups.Location => taxonomy.Location(code)?.Label(Culture) ?? code,
        _ => code,
    };
}
