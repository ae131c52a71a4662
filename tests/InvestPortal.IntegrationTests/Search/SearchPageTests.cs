using System.Net;
using System.Text.Json;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Search;

public abstract class SearchPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private static List<string> Titles(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll(".results .card h3 a").Select(a => a.GetAttribute("href")!).ToList();

    private Task<string> SlugOfAsync(string externalRef) =>
        factory.WithDbAsync(db => db.Opportunities.Where(o => o.ExternalRef == externalRef).Select(o => o.Slug).SingleAsync());

    [Fact]
    public async Task A_russian_query_finds_a_chinese_only_listing_with_a_note_and_a_highlight()
    {
        var doc = await _client.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("черника"));
        var slug = await SlugOfAsync("DEMO-HLJ-0003");
        Assert.Contains($"/ru/opportunities/{slug}", Titles(doc));
        var card = doc.QuerySelectorAll(".results li").First(li => li.InnerHtml.Contains(slug, StringComparison.Ordinal));
        Assert.NotNull(card.QuerySelector(".note"));
    }

    [Fact]
    public async Task Filters_narrow_results_and_facet_links_keep_the_search()
    {
        var doc = await _client.GetDocumentAsync("/en/opportunities?sector=forestry-timber");
        var all = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published && o.SectorCode == "forestry-timber"));
        Assert.Equal(all, Titles(doc).Count);
        Assert.Contains(all.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        // Every facet link refines this search, except the active one, which takes its filter off.
        var facetLinks = doc.QuerySelectorAll(".facets a:not([aria-current])").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(facetLinks);
        Assert.All(facetLinks, href => Assert.Contains("sector=forestry-timber", href, StringComparison.Ordinal));
        Assert.DoesNotContain("sector=forestry-timber", doc.QuerySelector(".facets a[aria-current]")!.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".active-filters .chip"));
    }

    [Fact]
    public async Task A_prefecture_filter_includes_its_county_level_cities()
    {
        var doc = await _client.GetDocumentAsync("/zh/opportunities?location=231000");
        var expected = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published
            && (o.LocationCode == "231000" || o.LocationCode == "231081" || o.LocationCode == "231086")));
        Assert.True(expected >= 3);
        Assert.Equal(expected, Titles(doc).Count);
    }

    [Fact]
    public async Task Amount_range_in_another_currency_filters_by_converted_value()
    {
        // 100 million USD ≈ 712 million CNY: only larger projects remain.
        var doc = await _client.GetDocumentAsync("/en/opportunities?min=100000000&currency=USD&sort=amount-asc");
        var hrefs = Titles(doc);
        Assert.NotEmpty(hrefs);
        var slugs = hrefs.Select(h => h.Split('/').Last()).ToList();
        var amounts = await factory.WithDbAsync(db => db.Opportunities.Where(o => slugs.Contains(o.Slug)).Select(o => new { o.TotalAmount, o.Currency }).ToListAsync());
        var rates = new Dictionary<string, decimal> { ["CNY"] = 1m, ["USD"] = 7.12m, ["EUR"] = 7.74m, ["RUB"] = 0.0885m };
        Assert.All(amounts, a => Assert.True(a.TotalAmount * rates[a.Currency] >= 712_000_000m, $"{a.TotalAmount} {a.Currency}"));
    }

    [Theory]
    [InlineData("title:foo AND (bar")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"unbalanced")]
    [InlineData("   ")]
    [InlineData("*:*")]
    public async Task Hostile_queries_return_a_normal_page(string q)
    {
        var response = await _client.GetAsync("/en/opportunities?q=" + Uri.EscapeDataString(q));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_as_long_as_an_address_may_be_and_unknown_codes_return_a_normal_page()
    {
        // 400 Chinese characters are 3,600 characters once percent-encoded: just under Edge:MaxUrlLength (longer is a 414).
        var response = await _client.GetAsync("/ru/opportunities?q=" + Uri.EscapeDataString(new string('木', 400)) + "&sector=nope&location=999999&sort=bogus&page=-3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_results_offer_a_way_out()
    {
        var doc = await _client.GetDocumentAsync("/ru/opportunities?q=zzqxv&sector=tourism");
        Assert.Empty(Titles(doc));
        Assert.NotNull(doc.QuerySelector(".no-results a"));
        Assert.Equal(13, doc.QuerySelectorAll(".no-results .sector-links a").Length);
    }

    [Fact]
    public async Task Api_search_has_the_same_semantics_and_facets()
    {
        var response = await _client.GetAsync("/api/v1/opportunities?q=" + Uri.EscapeDataString("hydrogen") + "&lang=zh");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var refs = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalRef").GetString()).ToList();
        Assert.Contains("DEMO-HLJ-0011", refs);
        Assert.DoesNotContain("DEMO-HLJ-0019", refs);
        Assert.True(json.GetProperty("facets").GetProperty("sector").EnumerateObject().Any());
        var filtered = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/opportunities?sector=energy&stage=construction")).RootElement;
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal("energy", i.GetProperty("sector").GetString()));
    }

    [Fact]
    public async Task Investors_are_searchable_and_filterable()
    {
        var doc = await _client.GetDocumentAsync("/en/investors?country=RU");
        var cards = doc.QuerySelectorAll(".results .card").Length;
        var expected = await factory.WithDbAsync(db => db.InvestorProfiles.CountAsync(p => p.Country == "RU" && p.Visibility == ProfileVisibility.Public));
        Assert.Equal(expected, cards);
        Assert.NotEmpty(doc.QuerySelectorAll(".facets a"));
    }
}

public sealed class SearchPagesOnSqlite(SqlitePortalFactory factory) : SearchPageTests<SqlitePortalFactory>(factory);
public sealed class SearchPagesOnPostgres(PostgresPortalFactory factory) : SearchPageTests<PostgresPortalFactory>(factory);
