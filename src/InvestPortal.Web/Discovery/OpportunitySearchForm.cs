using System.Globalization;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace InvestPortal.Web.Discovery;

/// <summary>
/// The search page's query string (shared by the JSON API): ?q=&amp;sector=&amp;location=&amp;partner=&amp;mode=&amp;stage=&amp;min=&amp;max=&amp;currency=&amp;within=&amp;crossing=&amp;sort=&amp;page=.
/// Unknown codes are dropped rather than failing the page, so an old or hand-edited link still works.
/// </summary>
public sealed class OpportunitySearchForm
{
    public string? Q { get; set; }
    public string[] Sector { get; set; } = [];
    public string[] Location { get; set; } = [];
    public string[] Partner { get; set; } = [];
    public string[] Mode { get; set; } = [];
    public string[] Stage { get; set; } = [];
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? Currency { get; set; }
    /// <summary>"Within 10 / 50 / 150 km of a crossing" (of one of <see cref="Crossing"/> when given).</summary>
    public int? Within { get; set; }
    /// <summary>Border crossing codes (content/border-crossings.json).</summary>
    public string[] Crossing { get; set; } = [];
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public static readonly IReadOnlyList<string> SortCodes = ["relevance", "newest", "amount-desc", "amount-asc"];

    public bool HasFilters => Sector.Length + Location.Length + Partner.Length + Mode.Length + Stage.Length + Crossing.Length > 0
        || Min.HasValue || Max.HasValue || Within.HasValue;
    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && !HasFilters;

    /// <summary>Keeps only codes the taxonomy (and, when given, the crossing list) knows and plausible numbers.</summary>
    public OpportunitySearchForm Normalize(PortalTaxonomy taxonomy, BorderCrossings? crossings = null)
    {
        Within = Within is { } km && BorderCrossings.DistanceBands.Contains(km) ? km : null;
        Crossing = Crossing.Where(c => !string.IsNullOrWhiteSpace(c) && (crossings is null || crossings.Find(c) is not null))
            .Distinct().Take(20).ToArray();
        Sector = Known(Sector, taxonomy.Sectors);
        Location = Known(Location, taxonomy.Locations);
        Partner = Known(Partner, taxonomy.PartnerRegions);
        Mode = Known(Mode, taxonomy.Modes);
        Stage = Known(Stage, taxonomy.Stages);
        Currency = Currency?.ToUpperInvariant() is { } c && MoneyRule.IsCurrency(c) ? c : "CNY";
        if (Min is { } min && !MoneyRule.IsValid(min, allowZero: true)) Min = null;
        if (Max is { } max && !MoneyRule.IsValid(max, allowZero: true)) Max = null;
        if (!SortCodes.Contains(Sort ?? "")) Sort = null;
        Page = Math.Clamp(Page, 1, 500);
        if (Q is { Length: > 500 }) Q = Q[..500];
        return this;
    }

    private static string[] Known(string[] codes, IReadOnlyList<TaxonomyTerm> terms) =>
        codes.Where(c => terms.Any(t => t.Code == c)).Distinct().Take(20).ToArray();

    public OpportunityQuery ToQuery(string culture, int pageSize) => new()
    {
        Text = Q,
        Sectors = Sector,
        Locations = Location,
        PartnerRegions = Partner,
        Modes = Mode,
        Stages = Stage,
        MinAmount = Min,
        MaxAmount = Max,
        Currency = Currency ?? "CNY",
        WithinKm = Within,
        Crossings = Crossing,
        Facets = FacetGroups.Opportunity,
        Sort = Sort switch
        {
            "newest" => SearchSort.Newest,
            "amount-desc" => SearchSort.AmountDescending,
            "amount-asc" => SearchSort.AmountAscending,
            // Without words there is nothing to rank by relevance: show the newest first.
            _ => string.IsNullOrWhiteSpace(Q) ? SearchSort.Newest : SearchSort.Relevance,
        },
        Page = Page,
        PageSize = pageSize,
        Culture = culture,
    };

    /// <summary>This search's query string with one filter code added or removed (facet links), always back on page 1.</summary>
    public string Toggle(string group, string code) => FilterLinks.Toggle(Pairs(), group, code);

    /// <summary>This search without the amount range.</summary>
    public string WithoutAmount() =>
        QueryHelpers.AddQueryString("", Pairs().Where(p => p.Key is not ("min" or "max" or "page")).ToList());

    public bool Has(string group, string code) => FilterLinks.Has(Pairs(), group, code);

    /// <summary>This search with the distance band set to <paramref name="km"/>, or removed when it is already that band (one band at a time).</summary>
    public string WithWithin(int km) => QueryHelpers.AddQueryString("",
        Pairs().Where(p => p.Key is not ("within" or "page"))
            .Concat(Within == km ? [] : [new KeyValuePair<string, string?>("within", km.ToString(CultureInfo.InvariantCulture))]).ToList());

    public List<KeyValuePair<string, string?>> Pairs()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Q)) pairs.Add(new("q", Q));
        pairs.AddRange(Sector.Select(c => new KeyValuePair<string, string?>("sector", c)));
        pairs.AddRange(Location.Select(c => new KeyValuePair<string, string?>("location", c)));
        pairs.AddRange(Partner.Select(c => new KeyValuePair<string, string?>("partner", c)));
        pairs.AddRange(Mode.Select(c => new KeyValuePair<string, string?>("mode", c)));
        pairs.AddRange(Stage.Select(c => new KeyValuePair<string, string?>("stage", c)));
        if (Min is { } min) pairs.Add(new("min", min.ToString(CultureInfo.InvariantCulture)));
        if (Max is { } max) pairs.Add(new("max", max.ToString(CultureInfo.InvariantCulture)));
        if (Min.HasValue || Max.HasValue) pairs.Add(new("currency", Currency));
        if (Within is { } km) pairs.Add(new("within", km.ToString(CultureInfo.InvariantCulture)));
        pairs.AddRange(Crossing.Select(c => new KeyValuePair<string, string?>("crossing", c)));
        if (Sort is not null) pairs.Add(new("sort", Sort));
        if (Page > 1) pairs.Add(new("page", Page.ToString(CultureInfo.InvariantCulture)));
        return pairs;
    }
}
