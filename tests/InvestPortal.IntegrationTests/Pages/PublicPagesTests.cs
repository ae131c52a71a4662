using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Pages;

public abstract class PublicPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.5", "/ru/")]
    [InlineData("zh-CN,zh;q=0.9", "/zh/")]
    [InlineData("de-DE,de;q=0.9", "/en/")]
    [InlineData("de-DE, zh-TW;q=0.8, ru;q=0.5", "/zh/")]
    public async Task Root_redirects_by_accept_language(string acceptLanguage, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", acceptLanguage);
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Root_remembers_the_last_language_read()
    {
        using var client = factory.CreateBrowserlikeClient();
        (await client.GetAsync("/ru/opportunities")).EnsureSuccessStatusCode();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "en-GB");
        var response = await client.SendAsync(request);
        Assert.Equal("/ru/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/de/opportunities")]
    [InlineData("/xx/")]
    [InlineData("/en/opportunities/no-such-listing")]
    public async Task Unknown_cultures_and_listings_are_404(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string> PagesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cultures.All)
            foreach (var page in new[] { "", "opportunities", "investors", "account/register", "account/login", "account/forgot-password", "account/reset-password", "account/confirm-email", "opportunities?page=2" })
                data.Add(c, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public async Task Every_page_answers_in_its_language(string culture, string page)
    {
        var doc = await _client.GetDocumentAsync($"/{culture}/{page}");
        Assert.Equal(Cultures.HtmlLang(culture), doc.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(doc.Title!);
        Assert.Equal(3, doc.QuerySelectorAll("link[rel=alternate][hreflang]:not([hreflang=x-default])").Length);
        Assert.NotNull(doc.QuerySelector("link[rel=canonical]"));
        // The page's own strings are translated: the main nav is never shown as resource keys.
        Assert.DoesNotContain("Nav.", doc.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_pages_of_published_opportunities_and_investors_answer_in_every_language()
    {
        var (opp, inv) = await factory.WithDbAsync(async db => (
            await db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync(),
            await db.InvestorProfiles.Select(p => p.Slug).FirstAsync()));
        foreach (var c in Cultures.All)
        {
            var doc = await _client.GetDocumentAsync($"/{c}/opportunities/{opp}");
            Assert.Equal(Cultures.HtmlLang(c), doc.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(doc.QuerySelector("h1"));
            var investor = await _client.GetDocumentAsync($"/{c}/investors/{inv}");
            Assert.Equal(Cultures.HtmlLang(c), investor.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task Language_switcher_keeps_the_page_and_its_query()
    {
        var doc = await _client.GetDocumentAsync("/ru/opportunities?page=2");
        var links = doc.QuerySelectorAll(".lang-switch a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/zh/opportunities?page=2", links);
        Assert.Contains("/en/opportunities?page=2", links);
        Assert.NotNull(doc.QuerySelector(".lang-switch [aria-current]"));
    }

    [Fact]
    public async Task Missing_translation_shows_the_original_with_a_note()
    {
        // A listing written only in Chinese, read in Russian.
        var slug = await factory.WithDbAsync(db => db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published && o.Translations.Count == 1 && o.Translations.Any(t => t.Culture == "zh"))
            .Select(o => o.Slug).FirstAsync());
        var doc = await _client.GetDocumentAsync($"/ru/opportunities/{slug}");
        Assert.Equal("zh-Hans", doc.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Contains("оригинал", doc.QuerySelector(".note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_pending_listings_are_invisible_everywhere()
    {
        // A closed listing that landed keeps its public page on purpose (the landed list links to it); all else is hidden.
        var hidden = await factory.WithDbAsync(db => db.Opportunities
            .Where(o => o.Status != OpportunityStatus.Published && !(o.Status == OpportunityStatus.Closed && ListingOutcomes.Landed.Contains(o.Outcome!))).Select(o => new { o.Slug, o.ExternalRef, o.Id }).ToListAsync());
        Assert.True(hidden.Count >= 4, "the demo content has drafts and pending listings to hide");
        var list = await (await _client.GetAsync("/en/opportunities?page=1")).Content.ReadAsStringAsync();
        var api = await (await _client.GetAsync("/api/v1/opportunities?pageSize=100")).Content.ReadAsStringAsync();
        var home = await (await _client.GetAsync("/en/")).Content.ReadAsStringAsync();
        foreach (var h in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/en/opportunities/{h.Slug}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/opportunities/{h.ExternalRef}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/opportunities/{h.Id}")).StatusCode);
            Assert.DoesNotContain(h.Slug, list, StringComparison.Ordinal);
            Assert.DoesNotContain(h.ExternalRef, api, StringComparison.Ordinal);
            Assert.DoesNotContain(h.Slug, home, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Home_shows_key_numbers_newest_listings_and_sectors()
    {
        var doc = await _client.GetDocumentAsync("/zh/");
        var published = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published));
        Assert.Contains(published.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector(".key-numbers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, doc.QuerySelectorAll("#main .card-list .card").Length);
        Assert.Equal(13, doc.QuerySelectorAll(".sector-grid li").Length);
        Assert.Contains("农业与食品加工", doc.QuerySelector(".sector-grid")!.TextContent, StringComparison.Ordinal);
        // The total is summed by the database per currency, then converted: it must equal converting each listing.
        var expected = await factory.WithScopeAsync(async sp =>
        {
            var rates = sp.GetRequiredService<InvestPortal.Data.ExchangeRateCache>().Table;
            var rows = await sp.GetRequiredService<InvestPortal.Data.PortalDbContext>().Opportunities
                .Where(o => o.Status == OpportunityStatus.Published).Select(o => new { o.TotalAmount, o.Currency }).ToListAsync();
            return InvestPortal.Web.Infrastructure.Formatting.Money(rows.Sum(r => rates.ToCny(r.TotalAmount, r.Currency)), "CNY", "zh");
        });
        Assert.Contains(expected, doc.QuerySelector(".key-numbers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opportunity_list_pages_through_every_published_listing()
    {
        var published = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published));
        var seen = 0;
        for (var page = 1; page <= 5; page++)
        {
            var doc = await _client.GetDocumentAsync($"/en/opportunities?page={page}");
            var cards = doc.QuerySelectorAll(".card-list .card").Length;
            if (cards == 0) break;
            seen += cards;
        }
        Assert.Equal(published, seen);
    }

    [Fact]
    public async Task Security_headers_are_on_every_page()
    {
        var response = await _client.GetAsync("/en/");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Sitemap_and_feeds_list_published_listings_only_with_language_alternates()
    {
        var hidden = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status != OpportunityStatus.Published).Select(o => o.Slug).ToListAsync());
        var published = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync());
        var sitemap = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains(locs, l => l.EndsWith($"/ru/opportunities/{published}", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => hidden.Any(h => l.EndsWith(h, StringComparison.Ordinal)));
        Assert.Contains(sitemap.Descendants().Where(e => e.Name.LocalName == "link"), e => (string?)e.Attribute("hreflang") == "zh-Hans");

        foreach (var c in Cultures.All)
        {
            var feed = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync($"/{c}/feed.xml"));
            var entries = feed.Root!.Elements().Where(e => e.Name.LocalName == "entry").ToList();
            Assert.NotEmpty(entries);
            Assert.Equal(Cultures.HtmlLang(c), (string?)feed.Root.Attribute(System.Xml.Linq.XNamespace.Xml + "lang"));
            Assert.DoesNotContain(entries, e => hidden.Any(h => e.ToString().Contains(h, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Detail_pages_carry_open_graph_tags()
    {
        var slug = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync());
        var doc = await _client.GetDocumentAsync($"/ru/opportunities/{slug}");
        Assert.Equal(doc.QuerySelector("h1")!.TextContent.Trim(), doc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("ru_RU", doc.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Health_reports_the_database_to_an_admin()
    {
        // Details are for admins (and callers on the machine itself); Security/EdgeAnswersTests covers strangers.
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var response = await admin.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"search\"", body, StringComparison.Ordinal);
        Assert.Contains("\"mail\"", body, StringComparison.Ordinal);
        Assert.Contains("Healthy", body, StringComparison.Ordinal);
    }
}

public sealed class PublicPagesOnSqlite(SqlitePortalFactory factory) : PublicPagesTests<SqlitePortalFactory>(factory);
public sealed class PublicPagesOnPostgres(PostgresPortalFactory factory) : PublicPagesTests<PostgresPortalFactory>(factory);
