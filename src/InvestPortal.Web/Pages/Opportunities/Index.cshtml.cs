using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;
using Microsoft.Extensions.Localization;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Opportunities;

// Every visit ranks the catalogue: a client gets its own generous budget (RateLimits:SearchPerMinute).
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Search)]
public sealed class IndexModel(OpportunitySearch search, PortalTaxonomy taxonomy, BorderCrossings crossings, IStringLocalizer<SharedResource> l,
    Map.BorderMapBuilder maps, ILogger<IndexModel> log) : PortalPageModel
{
    public const int PageSize = 20;
    public OpportunitySearchForm Form { get; private set; } = new();
    public IReadOnlyList<(OpportunityView View, IReadOnlyList<Highlight> Highlights)> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();
    public Pager Pager { get; private set; } = null!;
    public PortalTaxonomy Taxonomy => taxonomy;
    public bool Unavailable { get; private set; }
    /// <summary>The map above the results: bubbles from this search's location facet.</summary>
    public Map.BorderMap? Map { get; private set; }

    // [FromQuery] keeps "page" from binding to the Razor Pages route value of the same name.
    public async Task OnGetAsync([FromQuery] OpportunitySearchForm form, CancellationToken ct)
    {
        Form = form.Normalize(taxonomy, crossings);
        Pager = new Pager(Form.Page, PageSize, 0, Request);
        try
        {
            var result = await search.SearchAsync(Form.ToQuery(Culture, PageSize), ct);
            Items = result.Hits.Select(h => (OpportunityView.Create(h.Opportunity, Culture, taxonomy), h.Highlights)).ToList();
            Facets = result.Facets;
            Pager = Pager with { Total = result.Total };
            Map = maps.ForSearch(Culture, Form, result.Facets, result.Total);
        }
        catch (SearchUnavailableException ex)
        {
            // No silent fallback: say so, keep the form, and let /health tell the operators.
            log.LogError(ex, "Search engine unavailable");
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public string Label(string group, string code) => group switch
    {
        FacetGroups.Sector => taxonomy.Sector(code)?.Label(Culture),
        FacetGroups.Location => taxonomy.Location(code)?.Label(Culture),
        FacetGroups.Mode => taxonomy.Mode(code)?.Label(Culture),
        FacetGroups.Stage => taxonomy.Stage(code)?.Label(Culture),
        FacetGroups.PartnerRegion => taxonomy.PartnerRegion(code)?.Label(Culture),
        FacetGroups.Crossing => crossings.Find(code)?.Name(Culture),
        FacetGroups.CrossingDistance => l["Search.WithinKm", code].Value,
        _ => null,
    } ?? code;

    /// <summary>Facet group → the query-string key its filter uses.</summary>
    public static string ParameterOf(string group) => group switch
    {
        FacetGroups.PartnerRegion => "partner",
        FacetGroups.CrossingDistance => "within",
        _ => group,
    };
}
