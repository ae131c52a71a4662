using System.Text.RegularExpressions;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests;

/// <summary>The investor's journey in Russian: register, confirm, build a profile, see matches, shortlist, save a search.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvestorJourneyTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"/ru/account/confirm-email\?[^\s""<]+")]
    private static partial Regex ConfirmLink();

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private async Task<string> ConfirmLinkForAsync(string email)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "email").Select(m => m.PayloadJson).ToListAsync();
            var mail = payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<EmailPayload>(p, Json)!)
                .FirstOrDefault(p => p.ToAddress == email && p.Template == EmailTemplates.AccountConfirmEmail);
            if (mail is not null) return System.Net.WebUtility.HtmlDecode(ConfirmLink().Match(mail.Text).Value);
            await Task.Delay(100);
        }
        throw new TimeoutException("No confirmation email for " + email);
    }

    [Fact]
    public async Task An_investor_registers_in_russian_builds_a_profile_sees_matches_and_saves_a_search()
    {
        var page = await fixture.NewPageAsync("ru-RU,ru;q=0.9");
        var email = $"investor-{Guid.NewGuid():N}@example.ru";
        const string password = "amur-timber-2026";

        // Register in Russian and confirm the address from the email.
        await page.GotoAsync("/ru/account/register");
        await page.FillAsync("#Input_DisplayName", "Анна Кузнецова");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.FillAsync("#Input_ConfirmPassword", password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("text=" + email);
        await page.GotoAsync(await ConfirmLinkForAsync(email));
        await page.GotoAsync("/ru/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // The profile: a mistake first (max below min), kept and explained next to the field, then fixed.
        await page.GotoAsync("/ru/my/profile");
        await Axe.AssertNoSeriousViolationsAsync(page);
        Assert.Equal("true", await page.GetAttributeAsync("#tab-ru", "aria-selected"));
        await page.FillAsync("#Form_Ru_Name", "ООО «Амур-Лес Инвест»");
        await page.FillAsync("#Form_Ru_Description", "Вкладываем в деревообработку и лесную логистику в Хэйхэ и Благовещенске.");
        await page.SelectOptionAsync("#Form_HomeRegion", "RU-AMU");
        await page.CheckAsync("input[name='Form.Sectors'][value='forestry-timber']");
        await page.CheckAsync("input[name='Form.Locations'][value='231100']");
        await page.CheckAsync("input[name='Form.Modes'][value='joint-venture']");
        await page.FillAsync("#Form_TicketMin", "50 000 000");
        await page.FillAsync("#Form_TicketMax", "5 000 000");
        await page.Locator("form.profile-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#Form_TicketMax-error");
        Assert.Equal("ООО «Амур-Лес Инвест»", await page.InputValueAsync("#Form_Ru_Name"));
        Assert.True(await page.IsCheckedAsync("input[name='Form.Sectors'][value='forestry-timber']"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.FillAsync("#Form_TicketMax", "300 000 000");
        await page.Locator("form.profile-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".completeness");
        Assert.Contains("Профиль сохранён", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Matches with reasons; shortlist the best one.
        Assert.Equal(1, await page.Locator(".visibility-note a[href='/ru/my/matches']").CountAsync());
        await page.GotoAsync("/ru/my/matches");
        var first = page.Locator(".match-list > li").First;
        Assert.Contains("Отрасль:", await first.Locator(".reasons").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await first.Locator("form.shortlist-form button").ClickAsync();
        await page.WaitForSelectorAsync(".match-list > li >> nth=0 >> form.unshortlist-form");

        // Save a Russian search from the search page; it is listed on the alerts page.
        await page.GotoAsync("/ru/opportunities?q=" + Uri.EscapeDataString("древесина") + "&sector=forestry-timber");
        await page.Locator("details.save-search summary").ClickAsync();
        await page.FillAsync("#save-search-name", "Древесина в Хэйлунцзяне");
        await page.SelectOptionAsync("#save-search-frequency", "Daily");
        await page.Locator("form.save-search-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".alert-list");
        Assert.EndsWith("/ru/my/alerts", page.Url, StringComparison.Ordinal);
        Assert.Contains("Древесина в Хэйлунцзяне", await page.Locator(".alert-list").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("ежедневная сводка", await page.Locator(".alert-list").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/ru/my/shortlist");
        Assert.Equal(1, await page.Locator(".shortlist > li").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
