using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 6's journey, once per interface language: an investor registers and confirms from the real email,
/// builds a profile (a mistake first), sees matches and shortlists one, saves a search in their language;
/// a Chinese-only listing is approved and the alert arrives once, in the investor's language; the investor
/// follows its link and registers interest; the owner's official, who reads another language, acknowledges;
/// both see the status, and each email reached its reader in their own language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvestorJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    private sealed record Words(string Name, string Description, string Query, string SearchName, string Message);

    private static Words For(string culture) => culture switch
    {
        "zh" => new("哈尔滨北疆农业投资有限公司", "投资大豆加工、粮食仓储和对俄农产品贸易。", "大豆", "黑龙江大豆项目", "我们希望以合资方式参与大豆蛋白生产线建设。"),
        "ru" => new("ООО «Амур-Агро Инвест»", "Вкладываем в переработку сои и зерновую логистику в Приамурье.", "соя", "Соя в Хэйлунцзяне", "Готовы войти в совместное предприятие по выпуску соевого белка."),
        _ => new("Amur Agri Capital Ltd", "We invest in soybean processing and grain logistics along the Amur.", "soybean", "Soybean projects in Heilongjiang", "We would join a joint venture for the soy protein line."),
    };

    /// <summary>The owner's official reads the next language round, so every email crosses a language.</summary>
    private static string OtherCulture(string culture) => culture switch { "zh" => "ru", "ru" => "en", _ => "zh" };

    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task Investor_registers_builds_a_profile_gets_an_alert_registers_interest_and_the_official_acknowledges(string culture)
    {
        var words = For(culture);
        var investorEmail = $"investor-{culture}-{Guid.NewGuid():N}@example.com";
        const string investorPassword = "amur-soy-fund-2026";

        // 1. Register and confirm from the email (it arrives in the language of the page used to register).
        var investor = await Fixture.NewPageAsync(AcceptLanguage(culture));
        await investor.GotoAsync($"/{culture}/account/register");
        await investor.CheckAsync("#Input_Role_Investor");
        await investor.FillAsync("#Input_DisplayName", culture == "zh" ? "李娜" : culture == "ru" ? "Анна Кузнецова" : "Anna Grant");
        await investor.FillAsync("#Input_Email", investorEmail);
        await investor.FillAsync("#Input_Password", investorPassword);
        await investor.FillAsync("#Input_ConfirmPassword", investorPassword);
        await investor.Locator("main form button[type=submit]").ClickAsync();
        await investor.WaitForSelectorAsync("text=" + investorEmail);
        var confirm = await Mailbox.WaitForAsync(investorEmail, EmailTemplates.AccountConfirmEmail);
        Assert.Equal(EmailLanguage(culture), confirm.Language);
        await investor.GotoAsync(confirm.LinkStartingWith($"/{culture}/account/confirm-email"));
        await investor.GotoAsync($"/{culture}/account/login");
        await investor.FillAsync("#Input_Email", investorEmail);
        await investor.FillAsync("#Input_Password", investorPassword);
        await investor.Locator("main form button[type=submit]").ClickAsync();
        await investor.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // 2. The profile: max below min is kept and explained next to the field, then fixed.
        var field = culture switch { "zh" => "Zh", "ru" => "Ru", _ => "En" };
        await investor.GotoAsync($"/{culture}/my/profile");
        await investor.FillAsync($"#Form_{field}_Name", words.Name);
        await investor.FillAsync($"#Form_{field}_Description", words.Description);
        await investor.SelectOptionAsync("#Form_Country", culture switch { "zh" => "CN", "ru" => "RU", _ => "SG" });
        await investor.CheckAsync("input[name='Form.Sectors'][value='agri-food']");
        await investor.CheckAsync("input[name='Form.Locations'][value='230100']");
        await investor.CheckAsync("input[name='Form.Modes'][value='joint-venture']");
        await investor.FillAsync("#Form_TicketMin", "50 000 000");
        await investor.FillAsync("#Form_TicketMax", "5 000 000");
        await investor.Locator("form.profile-form button[type=submit]").ClickAsync();
        await investor.WaitForSelectorAsync("#Form_TicketMax-error");
        Assert.Equal(words.Name, await investor.InputValueAsync($"#Form_{field}_Name"));
        Assert.True(await investor.IsCheckedAsync("input[name='Form.Sectors'][value='agri-food']"));
        await Axe.AssertNoSeriousViolationsAsync(investor);
        await investor.FillAsync("#Form_TicketMax", "600 000 000");
        await investor.Locator("form.profile-form button[type=submit]").ClickAsync();
        await investor.WaitForSelectorAsync(".completeness");

        // 3. Matches with reasons; the best one goes on the shortlist.
        await investor.GotoAsync($"/{culture}/my/matches");
        var best = investor.Locator(".match-list > li").First;
        Assert.Contains(T(culture, "Match.Sector", "").Trim(), await best.Locator(".reasons").InnerTextAsync(), StringComparison.Ordinal);
        await best.Locator("form.shortlist-form button").ClickAsync();
        await investor.WaitForSelectorAsync(".match-list > li >> nth=0 >> form.unshortlist-form");
        await investor.GotoAsync($"/{culture}/my/shortlist");
        Assert.Equal(1, await investor.Locator(".shortlist > li").CountAsync());

        // 4. A search in the investor's language, saved for immediate alerts.
        await investor.GotoAsync($"/{culture}/opportunities?q={Uri.EscapeDataString(words.Query)}&sector=agri-food");
        await investor.Locator("details.save-search summary").ClickAsync();
        await investor.FillAsync("#save-search-name", words.SearchName);
        await investor.SelectOptionAsync("#save-search-frequency", "Immediate");
        await investor.Locator("form.save-search-form button[type=submit]").ClickAsync();
        await investor.WaitForSelectorAsync(".alert-list");
        Assert.Contains(words.SearchName, await investor.Locator(".alert-list").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(investor);

        // 5. A Chinese-only soybean listing is approved; the alert arrives once, in the investor's language.
        var ownerCulture = OtherCulture(culture);
        var agency = await AgencyAsync("黑河市农业农村局", "Управление сельского хозяйства Хэйхэ", "Heihe Agriculture Bureau");
        var officialEmail = await UserAsync(ownerCulture, Roles.Official, agency, "赵主任");
        var listing = await PendingChineseListingAsync(agency);
        var admin = await SignInAsync(culture, await UserAsync(culture, Roles.Admin));
        await admin.GotoAsync($"/{culture}/admin/moderation/review/{listing}");
        await admin.Locator("form.approve-form button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync($"**/{culture}/admin/moderation");
        var alert = await Mailbox.WaitForAsync(investorEmail, EmailTemplates.SavedSearchMatch);
        Assert.Equal(EmailLanguage(culture), alert.Language);
        Assert.Contains(words.SearchName, alert.Text, StringComparison.Ordinal);

        // 6. From the email to the listing, and interest registered (a bad amount first: kept and explained).
        await investor.GotoAsync(alert.LinkStartingWith($"/{culture}/opportunities/"));
        Assert.Contains("黑河大豆蛋白", await investor.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await investor.Locator("a.register-interest").ClickAsync();
        await investor.WaitForURLAsync($"**/{culture}/opportunities/*/interest");
        await investor.FillAsync("#Input_Amount", "много");
        await investor.Locator("form.interest-form button[type=submit]").ClickAsync();
        await investor.WaitForSelectorAsync(".error-summary");
        Assert.Equal("много", await investor.InputValueAsync("#Input_Amount"));
        await Axe.AssertNoSeriousViolationsAsync(investor);
        if (await investor.Locator("#Input_OrganizationName").CountAsync() > 0)
            await investor.FillAsync("#Input_OrganizationName", words.Name);
        await investor.CheckAsync("input[name='Input.Role'][value=Investor]");
        await investor.FillAsync("#Input_Amount", "120 000 000");
        await investor.SelectOptionAsync("#Input_Currency", "CNY");
        await investor.FillAsync("#Input_Message", words.Message);
        await investor.FillAsync("#Input_ContactPerson", "Anna / 李娜");
        await investor.FillAsync("#Input_ContactEmail", investorEmail);
        await investor.FillAsync("#Input_ContactPhone", "+7 4162 555 010");
        await investor.Locator("form.interest-form button[type=submit]").ClickAsync();
        await investor.WaitForURLAsync($"**/{culture}/my/interests**");
        Assert.Contains(T(culture, "Interests.Status.Submitted"), await investor.Locator(".interest-list .interest-status").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(EmailLanguage(ownerCulture), (await Mailbox.WaitForAsync(officialEmail, EmailTemplates.InterestReceived)).Language);

        // 7. The official, in their own language, sees the interest without contacts, acknowledges, then sees them.
        var official = await SignInAsync(ownerCulture, officialEmail);
        await official.GotoAsync($"/{ownerCulture}/my/opportunities/{listing}/interests");
        await official.Locator(".interest-table tbody a").First.ClickAsync();
        await official.WaitForSelectorAsync(".contact-hidden");
        await official.FillAsync("form.step-acknowledged textarea", "欢迎！本周内与您联系。 / Свяжемся на этой неделе.");
        await official.Locator("form.step-acknowledged button[type=submit]").ClickAsync();
        await official.WaitForSelectorAsync(".contact-details");
        Assert.Contains("+7 4162 555 010", await official.Locator(".contact-details").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(official);
        Assert.Equal(EmailLanguage(culture), (await Mailbox.WaitForAsync(investorEmail, EmailTemplates.InterestAcknowledged)).Language);

        // 8. The investor sees the new status and the reply; the alert was sent exactly once.
        await investor.GotoAsync($"/{culture}/my/interests");
        Assert.Contains(T(culture, "Interests.Status.Acknowledged"), await investor.Locator(".interest-list .interest-status").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Свяжемся", await investor.Locator(".interest-list .owner-reply").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(investor);
        Assert.Equal(1, await Mailbox.CountAsync(investorEmail, EmailTemplates.SavedSearchMatch));

        foreach (var page in new[] { investor, admin, official }) await page.Context.CloseAsync();
    }

    /// <summary>A listing written only in Chinese, waiting for review, that fits the investor's profile and search.</summary>
    private Task<Guid> PendingChineseListingAsync(Guid agency) => DbAsync(async db =>
    {
        var o = new Opportunity
        {
            ExternalRef = "BJ-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = agency, Status = OpportunityStatus.PendingReview,
            SectorCode = "agri-food", LocationCode = "230100", CooperationModes = ["joint-venture"], TotalAmount = 200_000_000,
            Currency = "CNY", ContactEmail = "heihe-agri@example.com", OriginalCulture = Cultures.Zh, UpdatedAt = DateTimeOffset.UtcNow,
        };
        o.Slug = Slugs.Make(o.ExternalRef, null);
        o.Translations.Add(new OpportunityTranslation
        {
            OpportunityId = o.Id, Culture = Cultures.Zh, Title = "黑河大豆蛋白合资项目",
            Summary = "非转基因大豆深加工，年产大豆分离蛋白 2 万吨，寻求合资伙伴", Description = "依托黑河—布拉戈维申斯克口岸，建设大豆蛋白生产线。",
        });
        db.Opportunities.Add(o);
        await db.SaveChangesAsync();
        return o.Id;
    });
}
