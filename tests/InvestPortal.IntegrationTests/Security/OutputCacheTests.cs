using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>The anonymous output cache serves home and API answers again, per culture and query, never to signed-in visitors.</summary>
public sealed class OutputCacheTests : IClassFixture<OutputCacheTests.CachedFactory>
{
    public sealed class CachedFactory : PortalFactory
    {
        public CachedFactory()
        {
            Settings["OutputCache:Seconds"] = "30";
            // The test reads the view counter itself; the background flush would take the counts first.
            Settings["Insight:ViewFlushInterval"] = "01:00:00";
        }
        public override string Provider => "Sqlite";
        protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];
    }

    private readonly CachedFactory _factory;
    public OutputCacheTests(CachedFactory factory) => _factory = factory;

    private static bool FromCache(HttpResponseMessage r) => r.Headers.Age is not null;

    [Fact]
    public async Task Anonymous_home_detail_and_api_are_served_from_the_cache_per_culture_and_query()
    {
        var slug = await _factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync());
        using var client = _factory.CreateBrowserlikeClient();
        foreach (var url in new[] { "/zh/", "/ru/", "/api/v1/opportunities?q=timber", "/api/v1/opportunities?q=timber&lang=ru" })
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var second = await client.GetAsync(url);
            Assert.True(FromCache(second), $"{url} not served from the cache");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
            Assert.NotNull(second.Headers.GetValues("Content-Security-Policy").Single());
        }
        // A different query is a different entry.
        Assert.False(FromCache(await client.GetAsync("/api/v1/opportunities?q=timber&page=2")));
        // The search page and the forms are never cached.
        await client.GetAsync("/en/opportunities?q=logistics");
        Assert.False(FromCache(await client.GetAsync("/en/opportunities?q=logistics")));
        await client.GetAsync("/en/account/login");
        Assert.False(FromCache(await client.GetAsync("/en/account/login")));
    }

    [Fact]
    public async Task A_detail_page_served_from_the_cache_still_counts_as_a_view()
    {
        var (id, slug) = await _factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published)
            .OrderBy(o => o.ExternalRef).Select(o => new ValueTuple<Guid, string>(o.Id, o.Slug)).Skip(3).FirstAsync());
        var counter = _factory.Services.GetRequiredService<InvestPortal.Web.Insight.ViewCounter>();
        using var client = _factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0");
        var first = await client.GetAsync($"/ru/opportunities/{slug}");
        var second = await client.GetAsync($"/ru/opportunities/{slug}");
        var third = await client.GetAsync($"/ru/opportunities/{slug}");
        Assert.False(FromCache(first));
        Assert.True(FromCache(second) && FromCache(third), "detail page not served from the cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
        Assert.Equal(3, counter.Take().Where(v => v.Opportunity == id).Sum(v => v.Views));
    }

    [Fact]
    public async Task Signed_in_visitors_never_get_or_fill_cached_pages()
    {
        var (client, _) = await _factory.SignedInAsync(Roles.Admin);
        using var _c = client;
        await client.GetAsync("/ru/?signed-in-test");
        var again = await client.GetAsync("/ru/?signed-in-test");
        Assert.False(FromCache(again));
        Assert.Contains("/ru/account/logout", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // An anonymous visitor of the same address never sees the signed-in page.
        using var anonymous = _factory.CreateBrowserlikeClient();
        Assert.DoesNotContain("/ru/account/logout", await (await anonymous.GetAsync("/ru/?signed-in-test")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
