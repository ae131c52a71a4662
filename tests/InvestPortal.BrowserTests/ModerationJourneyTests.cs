using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests;

/// <summary>An admin works through the moderation queue in Chromium: a template reason, a rejection, an approval, the audit log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture fixture)
{
    private const string Password = "browser-admin-2026";

    private async Task<string> NewAdminAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Browser admin", PreferredCulture = "en" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Admin);
        return email;
    }

    private async Task<(Guid Org, Guid First, Guid Second)> NewPendingPairAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var org = new Organization { Name = "抚远开发区 " + Guid.NewGuid().ToString("N")[..6], NameRu = "Зона развития Фуюань", Kind = OrganizationKind.DevelopmentZone, IsVerified = true };
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        Opportunity Pending(string title, int hoursAgo)
        {
            var o = new Opportunity
            {
                ExternalRef = "B-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = org.Id, SectorCode = "logistics", LocationCode = "230100",
                TotalAmount = 80_000_000, ContactEmail = "zone@example.com", Status = OpportunityStatus.PendingReview,
                UpdatedAt = DateTimeOffset.UtcNow.AddHours(-hoursAgo),
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = title, Summary = "黑瞎子岛口岸物流项目" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Ru, Title = title + " (RU)", Summary = "Логистика у острова Большой Уссурийский" });
            db.Opportunities.Add(o);
            return o;
        }
        var first = Pending("抚远口岸冷库", 3);
        var second = Pending("抚远跨境物流中心", 2);
        await db.SaveChangesAsync();
        return (org.Id, first.Id, second.Id);
    }

    private async Task<OpportunityStatus> StatusAsync(Guid id)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync();
    }

    [Fact]
    public async Task Admin_rejects_one_listing_with_a_template_reason_approves_another_and_finds_both_in_the_audit_log()
    {
        var email = await NewAdminAsync();
        var (org, first, second) = await NewPendingPairAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/en/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/en/admin/moderation?org={org}");
        Assert.Equal(2, await page.Locator(".moderation-queue > li").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Choosing a template fills the reason (in the listing's original language) and can still be edited.
        var item = page.Locator($".moderation-queue > li[data-id='{first}']");
        await item.Locator("select[name=template]").SelectOptionAsync("incomplete-translation");
        var reason = item.Locator("textarea[name=reason]");
        Assert.StartsWith("译文不完整", await reason.InputValueAsync(), StringComparison.Ordinal);
        await reason.PressAsync("End");
        await reason.PressSequentiallyAsync(" 俄文摘要缺失。");
        await item.Locator("form.reject-form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Contains("rejected", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.Rejected, await StatusAsync(first));

        // The other one: open the review page, check it, approve it there.
        await page.Locator($".moderation-queue > li[data-id='{second}'] h2 a").ClickAsync();
        await page.WaitForURLAsync($"**/en/admin/moderation/review/{second}");
        Assert.Equal(3, await page.Locator(".columns-3 .language-column").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator("form.approve-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/en/admin/moderation");
        Assert.Contains("approved", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.Published, await StatusAsync(second));

        // Both decisions are in the audit log, filtered to the rejected listing.
        await page.GotoAsync($"/en/admin/audit?entity={first}");
        var rows = page.Locator(".audit-table tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("俄文摘要缺失", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync($"/en/admin/audit?entity={second}&action=opportunity.approve");
        Assert.Equal(1, await page.Locator(".audit-table tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }
}
