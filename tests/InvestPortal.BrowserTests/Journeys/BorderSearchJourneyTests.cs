using System.Text.RegularExpressions;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 16's investor journey, once per interface language: an investor who asks first "how far is it from the
/// border?" picks "within 50 km of a crossing", sees the result list and the map narrow together (the map's places and
/// links follow the filter), opens a listing and finds its nearest crossings there, the nearest within those 50 km.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BorderSearchJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    [Theory]
    [InlineData("ru")]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Investor_narrows_to_50_km_of_a_crossing_and_the_map_and_list_narrow_together(string culture)
    {
        var page = await Fixture.NewPageAsync(AcceptLanguage(culture));
        await page.GotoAsync($"/{culture}/opportunities");
        var before = await TotalAsync(page, culture);
        var placesBefore = await page.Locator(".border-map .map-place-list a").CountAsync();
        Assert.True(placesBefore > 1, "the map of the whole catalogue shows several places with listings");

        // The facet announces how many listings lie within 50 km of a crossing; following it gives exactly those.
        var facet = page.Locator(".facets a[href*='within=50']");
        var announced = int.Parse(Digits().Replace(await facet.Locator(".count").InnerTextAsync(), ""));
        Assert.InRange(announced, 1, before - 1);
        await facet.ClickAsync();
        await page.WaitForURLAsync("**within=50*");
        Assert.Equal(announced, await TotalAsync(page, culture));
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The map follows: its places are those of the narrowed results, and each of its links keeps the filter.
        var places = page.Locator(".border-map .map-place-list a");
        var placeCount = await places.CountAsync();
        Assert.InRange(placeCount, 1, placesBefore);
        var mapped = 0;
        for (var i = 0; i < placeCount; i++)
        {
            Assert.Contains("within=50", await places.Nth(i).GetAttributeAsync("href"), StringComparison.Ordinal);
            mapped += int.Parse(Digits().Replace(await places.Nth(i).Locator(".count").InnerTextAsync(), ""));
        }
        Assert.True(mapped >= announced, $"the map's bubbles count the {announced} narrowed listings ({mapped})");
        var svgLinks = page.Locator(".border-map svg a[href*='within=50']");
        Assert.True(await svgLinks.CountAsync() >= placeCount, "every bubble on the map is a link that keeps the filter");

        // A listing from the narrowed results names its nearest crossings; the nearest is within the 50 km.
        await page.Locator(".card-list .card h3 a").First.ClickAsync();
        await page.WaitForURLAsync($"**/{culture}/opportunities/*");
        var nearest = page.Locator(".border-map .nearest-crossings li");
        Assert.True(await nearest.CountAsync() >= 1);
        var km = double.Parse(Number().Match(await nearest.First.Locator(".distance").InnerTextAsync()).Value.Replace(',', '.'),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(km, 0, 50);
        Assert.True(await page.Locator(".border-map[data-map='map-detail'] svg").IsVisibleAsync(), "the listing's own map");
    }

    private async Task<int> TotalAsync(Microsoft.Playwright.IPage page, string culture)
    {
        var text = (await page.Locator(".result-count").InnerTextAsync()).Trim();
        var total = int.Parse(Digits().Replace(text, ""));
        Assert.Equal(T(culture, "Opportunities.Count", total), text);
        return total;
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex Number();
}
