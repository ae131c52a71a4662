using InvestPortal.BrowserTests.PageChecks;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests.Map;

/// <summary>
/// The map of the border as Chromium draws it at a desktop's 1366 px and a phone's 390 px, in zh, ru and en: it has a
/// real size, the page never scrolls sideways, and screenshots of it are kept in TestResults/map/ (CI artifacts) to
/// compare by eye. On the phone the search results come before the filters, which open from a "Filters" disclosure
/// and fit the screen (the amount range with its currency included).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BorderMapLayoutTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task The_map_scales_from_desktop_to_phone_and_the_phone_search_puts_results_before_the_filters(string culture)
    {
        var page = await fixture.NewPageAsync($"{culture},en;q=0.5");
        foreach (var width in new[] { 1366, PageCatalog.PhoneWidth })
        {
            await page.SetViewportSizeAsync(width, width > 1000 ? 900 : 844);
            await page.GotoAsync($"/{culture}/");
            var map = page.Locator("section.border-map[data-map='map-home']");
            var box = await map.Locator("svg").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Width > 0 && box.Height > 0, $"the map has no size at {width} px");
            Assert.True(box.Width <= width, $"the map is {box.Width} px wide on a {width} px screen");
            Assert.True(await map.Locator(".map-place-list a").CountAsync() > 0, "the list beside the map names the places");
            await AssertNoSidewaysScrollAsync(page, width);
            await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(PageTools.OutputFolder("map"), $"home-{culture}-{width}.png") });
        }

        // The phone: results first, then the filters behind a closed disclosure that opens to a form that fits.
        await page.GotoAsync($"/{culture}/opportunities?min=1000000&max=5000000000&currency=CNY");
        var filters = page.Locator("details.filters");
        Assert.False(await filters.EvaluateAsync<bool>("d => d.open"), "the filters start closed on a phone");
        Assert.False(await page.Locator("#currency").IsVisibleAsync());
        var results = await page.Locator(".results .result-count").BoundingBoxAsync();
        var summary = await filters.Locator("summary").BoundingBoxAsync();
        Assert.True(results!.Y < summary!.Y, "the results come before the filters on a phone");
        Assert.True(await page.Locator("section.border-map[data-map='map-search'] svg").BoundingBoxAsync() is { Width: > 0, Height: > 0 });
        await filters.Locator("summary").ClickAsync();
        var currency = await page.Locator("#currency").BoundingBoxAsync();
        Assert.True(currency!.X + currency.Width <= PageCatalog.PhoneWidth, $"the currency select ends at {currency.X + currency.Width} px");
        // The amount label is one line, not a column of single characters.
        var legend = await page.Locator(".amount-range legend").BoundingBoxAsync();
        var lineHeight = await page.Locator(".amount-range legend").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(legend!.Height < 1.5 * lineHeight, $"the amount label is {legend.Height} px tall (a line is {lineHeight} px)");
        await AssertNoSidewaysScrollAsync(page, PageCatalog.PhoneWidth);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PageTools.OutputFolder("map"), $"search-filters-{culture}-390.png"), FullPage = true });

        // A desktop shows the filters open beside the results without a click.
        await page.SetViewportSizeAsync(1366, 900);
        await page.ReloadAsync();
        Assert.True(await page.Locator("#currency").IsVisibleAsync(), "the filters stand open on a wide screen");
        Assert.False(await page.Locator("details.filters > summary").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide on a {width} px screen: it scrolls sideways");
    }
}
