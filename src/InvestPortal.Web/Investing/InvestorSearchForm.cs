using System.Globalization;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Investing;

/// <summary>?q=&amp;sector=&amp;location=&amp;kind=&amp;country=&amp;page= on /{c}/investors; unknown codes are dropped.</summary>
public sealed class InvestorSearchForm
{
    public string? Q { get; set; }
    public string[] Sector { get; set; } = [];
    public string[] Location { get; set; } = [];
    public string[] Kind { get; set; } = [];
    public string[] Country { get; set; } = [];
    public int Page { get; set; } = 1;

    public bool HasFilters => Sector.Length + Location.Length + Kind.Length + Country.Length > 0;

    public InvestorSearchForm Normalize(PortalTaxonomy taxonomy)
    {
        Sector = Sector.Where(c => taxonomy.Sector(c) is not null).Distinct().ToArray();
        Location = Location.Where(c => taxonomy.Location(c) is not null).Distinct().ToArray();
        Kind = Kind.Where(InvestorKinds.All.Contains).Distinct().ToArray();
        Country = Country.Select(c => c.ToUpperInvariant()).Where(c => c.Length == 2 && c.All(char.IsAsciiLetterUpper)).Distinct().ToArray();
        Page = Math.Clamp(Page, 1, 500);
        if (Q is { Length: > 500 }) Q = Q[..500];
        return this;
    }

    public InvestorQuery ToQuery(string culture, int pageSize) => new()
    {
        Text = Q, Sectors = Sector, Locations = Location, Kinds = Kind, Countries = Country,
        Facets = FacetGroups.Investor, Page = Page, PageSize = pageSize, Culture = culture,
    };

    public string Toggle(string group, string code) => FilterLinks.Toggle(Pairs(), group, code);

    public bool Has(string group, string code) => FilterLinks.Has(Pairs(), group, code);

    public List<KeyValuePair<string, string?>> Pairs()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Q)) pairs.Add(new("q", Q));
        foreach (var (key, values) in new[] { ("sector", Sector), ("location", Location), ("kind", Kind), ("country", Country) })
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
        if (Page > 1) pairs.Add(new("page", Page.ToString(CultureInfo.InvariantCulture)));
        return pairs;
    }
}
