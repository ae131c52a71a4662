using InvestPortal.Core.Domain;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// A visitor searches in their own language, narrows by a facet, sorts, shares the address, opens a result,
/// and is helped out of an empty result: once per interface language, with no JavaScript needed for any of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorSearchJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    [Theory]
    [InlineData("zh", "木材")]
    [InlineData("ru", "древесина")]
    [InlineData("en", "timber")]
    public async Task Visitor_searches_filters_sorts_shares_and_opens_a_result(string culture, string query)
    {
        var page = await Fixture.NewPageAsync(AcceptLanguage(culture));
        await page.GotoAsync($"/{culture}/opportunities");
        await page.FillAsync("#q", query);
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**q=*");
        Assert.True(await page.Locator(".card-list .card").CountAsync() > 0);
        Assert.True(await page.Locator(".card-list mark").CountAsync() > 0, "matched words are highlighted");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // A facet narrows the results to exactly the number it announced.
        var facet = page.Locator(".facets a[href*='sector=forestry-timber']");
        var announced = (await facet.Locator(".count").InnerTextAsync()).Trim();
        await facet.ClickAsync();
        await page.WaitForURLAsync("**sector=forestry-timber*");
        // The chosen facet is marked, and following it again would remove the filter.
        var chosen = page.Locator(".facets a[aria-current=true]");
        Assert.Equal(1, await chosen.CountAsync());
        Assert.DoesNotContain("sector=", await chosen.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal(T(culture, "Opportunities.Count", int.Parse(announced)), (await page.Locator(".result-count").InnerTextAsync()).Trim());

        // Sorting keeps the query and the filter; the address alone reproduces the page.
        await page.SelectOptionAsync("#sort", "newest");
        await page.Locator(".search-box button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**sort=newest*");
        Assert.Contains("sector=forestry-timber", page.Url, StringComparison.Ordinal);
        var firstTitle = (await page.Locator(".card-list .card h3 a").First.InnerTextAsync()).Trim();
        var shared = await Fixture.NewPageAsync(AcceptLanguage(culture));
        await shared.GotoAsync(page.Url);
        Assert.Equal(firstTitle, (await shared.Locator(".card-list .card h3 a").First.InnerTextAsync()).Trim());
        await shared.Context.CloseAsync();

        // The result opens in the same language.
        await page.Locator(".card-list .card h3 a").First.ClickAsync();
        await page.WaitForURLAsync($"**/{culture}/opportunities/*");
        Assert.Equal(firstTitle, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(Cultures.HtmlLang(culture), await page.GetAttributeAsync("html", "lang"));

        // Nothing found: the page offers to drop the filter and lists sectors to browse.
        await page.GotoAsync($"/{culture}/opportunities?q=qwertyzxcv&sector=forestry-timber");
        Assert.True(await page.Locator(".no-results .sector-links a").CountAsync() > 5);
        await page.Locator(".no-results a", new() { HasText = T(culture, "Search.TryWithoutFilters") }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("sector=", StringComparison.Ordinal));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
