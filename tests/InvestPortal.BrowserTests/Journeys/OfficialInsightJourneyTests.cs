using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Insight;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// The official's insight, once per interface language: the dashboard chart, the listing's insight page
/// (chart, data table, period switch), and an invitation that reaches the investor in the investor's language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialInsightJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    /// <summary>A published timber listing of a new organization with twelve days of views.</summary>
    private Task<Guid> ListingWithViewsAsync(Guid agency) => DbAsync(async db =>
    {
        var o = new Opportunity
        {
            ExternalRef = "BT-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = agency, Status = OpportunityStatus.Published,
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
        return o.Id;
    });

    [Theory]
    [InlineData("zh")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task Official_reads_the_insight_and_invites_an_investor_who_gets_it_in_their_language(string culture)
    {
        var agency = await AgencyAsync("黑河市商务局", "Бюро коммерции Хэйхэ", "Heihe Commerce Bureau");
        var email = await UserAsync(culture, Roles.Official, agency, "王主任");
        var id = await ListingWithViewsAsync(agency);
        var page = await SignInAsync(culture, email);
        await page.GotoAsync($"/{culture}/my/opportunities");

        // The dashboard on the listing page, then the listing's insight page through its link.
        Assert.True(await page.Locator(".insight-dashboard svg.chart").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator($"a[href='/{culture}/my/opportunities/{id}/insight']").ClickAsync();
        await page.WaitForURLAsync($"**/{culture}/my/opportunities/{id}/insight");
        Assert.Equal(2, await page.Locator("svg.chart polyline").CountAsync());
        await page.Locator(".chart-data summary").ClickAsync();
        Assert.True(await page.Locator(".chart-data table").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator(".period-switch a", new() { HasText = "90" }).ClickAsync();
        await page.WaitForURLAsync("**days=90");
        Assert.Equal(90, await page.Locator(".chart-data tbody tr").CountAsync());

        // Invite the best-matching investor with a personal note.
        var first = page.Locator("li[data-investor]").First;
        var investorId = Guid.Parse((await first.GetAttributeAsync("data-investor"))!);
        await first.Locator("summary").ClickAsync();
        await first.Locator("textarea").FillAsync("欢迎来黑河实地考察。 Добро пожаловать в Хэйхэ.");
        await first.Locator("form.invite-form button").ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Equal(T(culture, "Insight.Invite.Sent"), (await page.Locator("[role=status]").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("li[data-investor] .invited").First.IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The investor reads it in their own language, whatever the official's.
        var (address, investorCulture) = await DbAsync(async db =>
        {
            var investor = await db.InvestorProfiles.AsNoTracking().SingleAsync(p => p.Id == investorId);
            var account = investor.UserId is null ? null : await db.Users.AsNoTracking().SingleAsync(u => u.Id == investor.UserId);
            return (string.IsNullOrWhiteSpace(investor.ContactEmail) ? account!.Email! : investor.ContactEmail.Trim(), InvestorInvitations.CultureOf(investor));
        });
        // Other runs may have invited the same demo investor: this run's invitation is the latest.
        var invitation = await Mailbox.WaitForAsync(address, EmailTemplates.InvestorInvitation, await Mailbox.CountAsync(address, EmailTemplates.InvestorInvitation));
        Assert.Equal(EmailLanguage(investorCulture), invitation.Language);
        Assert.Contains("欢迎来黑河实地考察", invitation.Text, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
