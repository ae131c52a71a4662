using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 5's whole journey, once per interface language: an official writes a listing in Chinese (plus the
/// interface language), submits it; an admin rejects it with a template reason; the official reads the reason,
/// fixes the listing and resubmits; the admin approves; a Russian search finds it; the audit log tells the
/// story; and every email on the way reached the right person in their language through SMTP.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListingLifecycleJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task Official_submits_admin_rejects_official_fixes_admin_approves_and_russian_search_finds_it(string culture)
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var agency = await AgencyAsync("同江市商务局", "Бюро коммерции Тунцзяна", "Tongjiang Commerce Bureau");
        var officialEmail = await UserAsync(culture, Roles.Official, agency, "王官员");
        var adminEmail = await UserAsync(culture, Roles.Admin, displayName: "Admin");
        var titleZh = $"同江大豆精深加工园 {tag}";
        var localTitle = culture switch
        {
            "ru" => $"Парк глубокой переработки сои в Тунцзяне {tag}",
            "en" => $"Tongjiang soybean processing park {tag}",
            _ => titleZh,
        };

        // 1. The official writes the listing and submits it at once.
        var official = await SignInAsync(culture, officialEmail);
        await official.GotoAsync($"/{culture}/my/opportunities/edit");
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.FillAsync("#Form_Zh_Title", titleZh);
        await official.FillAsync("#Form_Zh_Summary", "年加工大豆 30 万吨，配套铁路专用线与冷链仓储");
        await official.FillAsync("#Form_Zh_Description", "**年加工能力** 30 万吨\n\n- 大豆蛋白生产线\n- 豆油精炼车间");
        if (culture != "zh")
        {
            var prefix = culture == "ru" ? "#Form_Ru_" : "#Form_En_";
            await official.FillAsync(prefix + "Title", localTitle);
        }
        await official.CheckAsync("input[name='Form.OriginalCulture'][value=zh]");
        await official.SelectOptionAsync("#Form_Sector", "agri-food");
        await official.SelectOptionAsync("#Form_Location", "230100");
        await official.FillAsync("#Form_Amount", "450000000");
        await official.FillAsync("#Form_ContactEmail", "tongjiang-soy@example.com");
        await official.Locator("button[name=submit]").ClickAsync();
        await official.WaitForURLAsync($"**/{culture}/my/opportunities");
        Assert.Equal(T(culture, "Publishing.Submitted"), (await official.Locator(".notice").InnerTextAsync()).Trim());
        var id = await DbAsync(db => db.Opportunities.Where(o => o.Translations.Any(t => t.Title == titleZh)).Select(o => o.Id).SingleAsync());
        Assert.Equal(EmailLanguage(culture), (await Mailbox.WaitForAsync(adminEmail, EmailTemplates.OpportunitySubmitted)).Language);

        // 2. The admin rejects it with a template reason, adding a sentence of their own.
        var admin = await SignInAsync(culture, adminEmail);
        await admin.GotoAsync($"/{culture}/admin/moderation?org={agency}");
        var queued = admin.Locator($".moderation-queue > li[data-id='{id}']");
        Assert.Equal(1, await admin.Locator(".moderation-queue > li").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await queued.Locator("select[name=template]").SelectOptionAsync("incomplete-translation");
        var reason = queued.Locator("textarea[name=reason]");
        Assert.StartsWith("译文不完整", await reason.InputValueAsync(), StringComparison.Ordinal);
        await reason.PressAsync("End");
        await reason.PressSequentiallyAsync($" 请补充俄文摘要 {tag}。");
        await queued.Locator("form.reject-form button[type=submit]").ClickAsync();
        await admin.WaitForSelectorAsync("[role=status]");
        Assert.Equal(T(culture, "Moderation.Rejected"), (await admin.Locator("[role=status]").InnerTextAsync()).Trim());
        var rejected = await Mailbox.WaitForAsync(officialEmail, EmailTemplates.OpportunityRejected);
        Assert.Equal(EmailLanguage(culture), rejected.Language);
        Assert.Contains($"请补充俄文摘要 {tag}", rejected.Text, StringComparison.Ordinal);

        // 3. The official sees the reason next to the listing, adds the Russian summary and resubmits.
        await official.GotoAsync($"/{culture}/my/opportunities");
        var item = official.Locator(".owned-list > li", new() { HasText = localTitle });
        Assert.Contains($"请补充俄文摘要 {tag}", await item.Locator(".rejection").InnerTextAsync(), StringComparison.Ordinal);
        await item.Locator("a[href*='/my/opportunities/edit/']").ClickAsync();
        await official.WaitForURLAsync($"**/{culture}/my/opportunities/edit/**");
        Assert.Equal(titleZh, await official.InputValueAsync("#Form_Zh_Title"));
        if (culture != "ru") await official.FillAsync("#Form_Ru_Title", $"Парк глубокой переработки сои в Тунцзяне {tag}");
        await official.FillAsync("#Form_Ru_Summary", "Переработка 300 тысяч тонн сои в год, своя железнодорожная ветка");
        await official.Locator("button[name=submit]").ClickAsync();
        await official.WaitForURLAsync($"**/{culture}/my/opportunities");
        Assert.Equal(T(culture, "Publishing.Submitted"), (await official.Locator(".notice").InnerTextAsync()).Trim());
        Assert.Equal(EmailLanguage(culture), (await Mailbox.WaitForAsync(adminEmail, EmailTemplates.OpportunitySubmitted, nth: 2)).Language);

        // 4. The admin reviews the languages side by side and approves.
        await admin.GotoAsync($"/{culture}/admin/moderation?org={agency}");
        await admin.Locator($".moderation-queue > li[data-id='{id}'] h2 a").ClickAsync();
        await admin.WaitForURLAsync($"**/{culture}/admin/moderation/review/{id}");
        Assert.Equal(3, await admin.Locator(".columns-3 .language-column").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await admin.Locator("form.approve-form button[type=submit]").ClickAsync();
        await admin.WaitForURLAsync($"**/{culture}/admin/moderation");
        Assert.Equal(T(culture, "Moderation.Approved"), (await admin.Locator("[role=status]").InnerTextAsync()).Trim());
        var approved = await Mailbox.WaitForAsync(officialEmail, EmailTemplates.OpportunityApproved);
        Assert.Equal(EmailLanguage(culture), approved.Language);
        var (status, slug) = await DbAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => new ValueTuple<OpportunityStatus, string>(o.Status, o.Slug)).SingleAsync());
        Assert.Equal(OpportunityStatus.Published, status);

        // 5. A visitor searching in Russian finds it (the index catches up through the outbox). The slug was read
        //    after approval: it gains a readable part once a Latin or Cyrillic title exists.
        var visitor = await Fixture.NewPageAsync(AcceptLanguage("ru"));
        var found = visitor.Locator($".card-list a[href='/ru/opportunities/{slug}']");
        for (var attempt = 0; attempt < 40 && await found.CountAsync() == 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            await visitor.GotoAsync("/ru/opportunities?q=" + Uri.EscapeDataString("соя") + "&sort=newest");
        }
        Assert.Contains("Парк глубокой переработки сои", await found.First.InnerTextAsync(), StringComparison.Ordinal);

        // 6. The audit log tells the story: two submissions, the rejection with its reason, the approval.
        await admin.GotoAsync($"/{culture}/admin/audit?entity={id}");
        var rows = admin.Locator(".audit-table tbody tr");
        Assert.True(await rows.CountAsync() >= 4, "create/submit, reject, submit, approve");
        Assert.Contains($"请补充俄文摘要 {tag}", await admin.Locator(".audit-table").InnerTextAsync(), StringComparison.Ordinal);
        await admin.GotoAsync($"/{culture}/admin/audit?entity={id}&action=opportunity.approve");
        Assert.Equal(1, await admin.Locator(".audit-table tbody tr").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(admin);

        foreach (var page in new[] { official, admin, visitor }) await page.Context.CloseAsync();
    }
}
