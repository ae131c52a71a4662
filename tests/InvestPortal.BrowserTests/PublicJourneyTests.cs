using InvestPortal.Core.Domain;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh", "zh-Hans", "投资项目")]
    [InlineData("ru", "ru", "Проекты")]
    [InlineData("en", "en", "Opportunities")]
    public async Task Home_page_reads_well_in_each_language_and_passes_axe(string culture, string lang, string navText)
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync($"/{culture}/");
        Assert.Equal(200, response!.Status);
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(navText, (await page.Locator(".main-nav a").First.InnerTextAsync()).Trim());
        Assert.Equal(6, await page.Locator("#main .card-list .card").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Visitor_arrives_in_russian_switches_to_chinese_and_opens_an_opportunity()
    {
        var page = await fixture.NewPageAsync("ru-RU,ru;q=0.9");
        await page.GotoAsync("/");
        Assert.EndsWith("/ru/", page.Url, StringComparison.Ordinal);

        await page.Locator(".main-nav a", new() { HasText = "Проекты" }).ClickAsync();
        Assert.EndsWith("/ru/opportunities", page.Url, StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator(".lang-switch a", new() { HasText = "中文" }).ClickAsync();
        Assert.EndsWith("/zh/opportunities", page.Url, StringComparison.Ordinal);
        Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("投资项目", await page.Locator("h1").InnerTextAsync());

        var first = page.Locator(".card-list .card h3 a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/zh/opportunities/**");
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".facts").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The language choice is remembered: the bare address now leads back to Chinese.
        await page.GotoAsync("/");
        Assert.EndsWith("/zh/", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/en/investors")]
    [InlineData("/ru/account/register")]
    [InlineData("/zh/account/login")]
    public async Task Other_public_pages_pass_axe(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Registration_errors_are_announced_next_to_the_fields_and_input_is_kept()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/ru/account/register");
        await page.FillAsync("#Input_DisplayName", "Иван Соколов");
        await page.FillAsync("#Input_Email", "ivan@");
        await page.FillAsync("#Input_Password", "short");
        await page.FillAsync("#Input_ConfirmPassword", "short");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal("Иван Соколов", await page.InputValueAsync("#Input_DisplayName"));
        Assert.Equal("ivan@", await page.InputValueAsync("#Input_Email"));
        Assert.Contains("электронной почты", await page.Locator("#Input_Email-error").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
