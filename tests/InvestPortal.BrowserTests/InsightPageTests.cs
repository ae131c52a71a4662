using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests;

/// <summary>The owner's insight page and dashboard in Chromium: accessible, and the invite button works.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightPageTests(BrowserFixture fixture)
{
    private const string Password = "browser-password-2026";

    /// <summary>An official of a new organization with one published timber listing that has a few days of views.</summary>
    private async Task<(string Email, Guid ListingId)> OfficialWithListingAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var email = $"official-{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "王主任", PreferredCulture = "zh" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Official);
        var org = new Organization { Name = "黑河市商务局 " + Guid.NewGuid().ToString("N")[..6], Kind = OrganizationKind.GovernmentAgency, IsVerified = true };
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org.Id });
        var o = new Opportunity
        {
            ExternalRef = "BT-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = org.Id, Status = OpportunityStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-20), SectorCode = "forestry-timber", LocationCode = "231100",
            CooperationModes = ["joint-venture"], TotalAmount = 80_000_000, ContactEmail = "zone@example.com",
        };
        o.Slug = Slugs.Make(o.ExternalRef, null);
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = "黑河木材加工园区" });
        db.Opportunities.Add(o);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var d = 0; d < 12; d++)
            db.OpportunityDailyStats.Add(new OpportunityDailyStat { OpportunityId = o.Id, Day = today.AddDays(-d), Views = (d * 7) % 11, Interests = d % 4 == 0 ? 1 : 0 });
        await db.SaveChangesAsync();
        return (email, o.Id);
    }

    [Fact]
    public async Task Official_reads_the_insight_page_invites_an_investor_and_axe_finds_nothing_serious()
    {
        var (email, id) = await OfficialWithListingAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/zh/account/login?returnUrl=/zh/my/opportunities");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/zh/my/opportunities");

        // The dashboard on the listing page, then the listing's insight page through its link.
        Assert.True(await page.Locator(".insight-dashboard svg.chart").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator($"a[href='/zh/my/opportunities/{id}/insight']").ClickAsync();
        await page.WaitForURLAsync($"**/zh/my/opportunities/{id}/insight");
        Assert.Equal(2, await page.Locator("svg.chart polyline").CountAsync());
        await page.Locator(".chart-data summary").ClickAsync();
        Assert.True(await page.Locator(".chart-data table").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator(".period-switch a", new() { HasText = "90" }).ClickAsync();
        await page.WaitForURLAsync("**days=90");
        Assert.Equal(90, await page.Locator(".chart-data tbody tr").CountAsync());

        var first = page.Locator("li[data-investor]").First;
        await first.Locator("summary").ClickAsync();
        await first.Locator("textarea").FillAsync("欢迎来黑河实地考察。");
        await first.Locator("form.invite-form button").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Contains("邀请已按投资方使用的语言发出", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("li[data-investor] .invited").First.IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
