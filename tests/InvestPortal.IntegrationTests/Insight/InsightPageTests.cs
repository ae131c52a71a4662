using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Preferences;
using InvestPortal.Web.Insight;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Insight;

public abstract class InsightPageTests<TFactory>(InsightFixture<TFactory> fixture) : IClassFixture<InsightFixture<TFactory>>
    where TFactory : PortalFactory, new()
{
    private PortalFactory Factory => fixture.Factory;
    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    private Task<InvestPortal.Core.Domain.InvestorProfile> DemoInvestorAsync(string externalRef = "DEMO-INV-0001") =>
        Factory.WithDbAsync(db => db.InvestorProfiles.AsNoTracking().FirstAsync(p => p.ExternalRef == externalRef));

    [Fact]
    public async Task Public_views_are_counted_in_batches_but_not_the_owners_or_bots()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(ownerUser), Marker());
        var url = $"/ru/opportunities/{listing.Slug}";

        using var reader = Factory.CreateBrowserlikeClient();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0");
        for (var i = 0; i < 3; i++) await reader.GetDocumentAsync(url);
        using var bot = Factory.CreateBrowserlikeClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await bot.GetDocumentAsync(url);
        using var anonymousScript = Factory.CreateBrowserlikeClient(); // no User-Agent at all
        await anonymousScript.GetDocumentAsync(url);
        owner.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
        var ownPage = await owner.GetDocumentAsync(url);
        Assert.NotNull(ownPage.QuerySelector($"a[href='/ru/my/opportunities/{listing.Id}/insight']"));

        var (count, day) = await WaitForAsync(async () => await Factory.WithDbAsync(async db => (
            (await db.Opportunities.AsNoTracking().FirstAsync(o => o.Id == listing.Id)).ViewCount,
            await db.OpportunityDailyStats.AsNoTracking().FirstOrDefaultAsync(s => s.OpportunityId == listing.Id))), r => r.Item1 >= 3);
        await Task.Delay(600); // a few more flush intervals: nothing else may arrive
        (count, day) = await Factory.WithDbAsync(async db => (
            (await db.Opportunities.AsNoTracking().FirstAsync(o => o.Id == listing.Id)).ViewCount,
            await db.OpportunityDailyStats.AsNoTracking().FirstOrDefaultAsync(s => s.OpportunityId == listing.Id)));
        Assert.Equal(3, count);
        Assert.NotNull(day);
        Assert.Equal((DateOnly.FromDateTime(DateTime.UtcNow), 3), (day.Day, day.Views));

        var insight = await owner.GetDocumentAsync($"/en/my/opportunities/{listing.Id}/insight");
        Assert.Equal("3", insight.QuerySelector("[data-total=views]")!.TextContent.Trim());
        var todayRow = insight.QuerySelectorAll(".chart-data tbody tr").First();
        Assert.Equal("3", todayRow.QuerySelectorAll("td")[0].TextContent.Trim());
    }

    [Fact]
    public async Task Only_officials_of_the_owner_organization_and_admins_see_the_insight()
    {
        var (_, ownerUser) = await fixture.OfficialAsync();
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(ownerUser), Marker());
        var url = $"/zh/my/opportunities/{listing.Id}/insight";

        var (stranger, strangerUser) = await fixture.OfficialAsync();
        await Factory.NewOrganizationAsync(strangerUser);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        var (investor, _) = await Factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.NotFound, (await investor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/zh/my/opportunities/{Guid.NewGuid()}/insight")).StatusCode);

        using var anonymous = Factory.CreateBrowserlikeClient();
        var redirect = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/zh/account/login", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("svg.chart[role=img] title"));
        Assert.NotNull(page.QuerySelector(".chart-data table caption"));

        // A stranger's forged POST (with a valid token of their own) is a 404 too, and sends nothing.
        var token = await TokenAsync(stranger);
        var forged = await stranger.PostAsync($"{url}?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["investorId"] = (await DemoInvestorAsync()).Id.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.OpportunityInvitations.CountAsync(i => i.OpportunityId == listing.Id)));
    }

    [Fact]
    public async Task Invite_sends_one_email_in_the_investors_language_over_smtp_and_refuses_a_second()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var marker = Marker();
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(ownerUser), marker);
        var investor = await DemoInvestorAsync();
        Assert.Equal("ru", InvestorInvitations.CultureOf(investor));
        var url = $"/zh/my/opportunities/{listing.Id}/insight";

        var page = await owner.GetDocumentAsync(url);
        var form = $"li[data-investor='{investor.Id}'] form.invite-form";
        Assert.NotNull(page.QuerySelector(form));
        Assert.NotEmpty(page.QuerySelectorAll($"li[data-investor='{investor.Id}'] .reasons li"));
        var sent = await owner.SubmitFormAsync(url, page, form, new Dictionary<string, string> { ["message"] = "Приглашаем посетить площадку в Хэйхэ." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await owner.GetDocumentAsync(url);
        Assert.Contains("邀请已按投资方使用的语言发出", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector($"li[data-investor='{investor.Id}'] .invited"));
        Assert.Null(after.QuerySelector(form));
        Assert.Equal("1", after.QuerySelector("[data-total=invitations]")!.TextContent.Trim());

        var mail = Assert.Single(await fixture.ReceivedAsync(investor.ContactEmail!, marker));
        Assert.Equal($"Приглашение ознакомиться с проектом «Лесопромышленный парк Хэйхэ {marker}»", mail.Subject);
        Assert.Contains("Приглашаем посетить площадку в Хэйхэ.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{InsightFixture<TFactory>.BaseUrl}/ru/opportunities/{listing.Slug}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{InsightFixture<TFactory>.BaseUrl}/ru/unsubscribe?token=", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/ru/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        // The same form again (a double click, a replay): refused, and no second email.
        var again = await owner.SubmitFormAsync(url, page, form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var refused = await owner.GetDocumentAsync(url);
        Assert.Contains("未重复发送", refused.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        await Task.Delay(1000); // several dispatcher polls
        Assert.Single(await fixture.ReceivedAsync(investor.ContactEmail!, marker, atLeast: 2, wait: TimeSpan.Zero));

        var (invitations, stat, audit) = await Factory.WithDbAsync(async db => (
            await db.OpportunityInvitations.AsNoTracking().Where(i => i.OpportunityId == listing.Id).ToListAsync(),
            await db.OpportunityDailyStats.AsNoTracking().SingleAsync(s => s.OpportunityId == listing.Id),
            await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == listing.Id.ToString() && a.Action == "opportunity.invite").ToListAsync()));
        Assert.Equal((investor.Id, ownerUser.Id), (Assert.Single(invitations).InvestorProfileId, invitations[0].InvitedBy));
        Assert.Equal(1, stat.Invitations);
        Assert.Equal(ownerUser.Id, Assert.Single(audit).UserId);
    }

    [Fact]
    public async Task An_investor_who_unsubscribed_from_invitations_gets_none()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(ownerUser), Marker());
        var investor = await DemoInvestorAsync();
        var subscriber = NotificationPreferences.SubscriberFor(investor.UserId, investor.ContactEmail!);
        await Factory.WithScopeAsync(async sp => { await sp.GetRequiredService<NotificationPreferences>().SetAsync(subscriber, NotificationTopics.Invitations, false); return 0; });
        try
        {
            var url = $"/en/my/opportunities/{listing.Id}/insight";
            var page = await owner.GetDocumentAsync(url);
            await owner.SubmitFormAsync(url, page, $"li[data-investor='{investor.Id}'] form.invite-form", new Dictionary<string, string>());
            var after = await owner.GetDocumentAsync(url);
            Assert.Contains("chosen not to receive invitations", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(0, await Factory.WithDbAsync(db => db.OpportunityInvitations.CountAsync(i => i.OpportunityId == listing.Id)));
            Assert.Equal(0, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey.Contains(listing.Id.ToString("N")))));
        }
        finally
        {
            await Factory.WithScopeAsync(async sp => { await sp.GetRequiredService<NotificationPreferences>().SetAsync(subscriber, NotificationTopics.Invitations, true); return 0; });
        }
    }

    [Fact]
    public async Task A_listing_that_is_not_published_cannot_invite()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var draft = await Factory.NewDraftAsync(await Factory.NewOrganizationAsync(ownerUser));
        var url = $"/ru/my/opportunities/{draft}/insight";
        var page = await owner.GetDocumentAsync(url);
        Assert.Empty(page.QuerySelectorAll("form.invite-form"));
        Assert.Null(page.QuerySelector("form.confirm-form"));
        var token = await TokenAsync(owner);
        await owner.PostAsync($"{url}?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["investorId"] = (await DemoInvestorAsync()).Id.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("только к опубликованному", (await owner.GetDocumentAsync(url)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.OpportunityInvitations.CountAsync(i => i.OpportunityId == draft)));
    }

    [Fact]
    public async Task Dashboard_on_the_listing_page_sums_the_organizations_listings()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var org = await Factory.NewOrganizationAsync(ownerUser);
        var a = await fixture.PublishedListingAsync(org, Marker());
        var b = await fixture.PublishedListingAsync(org, Marker());
        await Factory.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.OpportunityDailyStats.AddRange(
                new OpportunityDailyStat { OpportunityId = a.Id, Day = today, Views = 5 },
                new OpportunityDailyStat { OpportunityId = b.Id, Day = today.AddDays(-3), Views = 7, Invitations = 2 });
            return await db.SaveChangesAsync();
        });
        var page = await owner.GetDocumentAsync("/ru/my/opportunities");
        var dashboard = page.QuerySelector(".insight-dashboard")!;
        Assert.Equal("12", dashboard.QuerySelector("[data-total=views]")!.TextContent.Trim());
        Assert.Equal("2", dashboard.QuerySelector("[data-total=invitations]")!.TextContent.Trim());
        Assert.Equal(30, dashboard.QuerySelectorAll(".chart-data tbody tr").Length);
        Assert.Equal(3, dashboard.QuerySelectorAll("svg polyline").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/ru/my/opportunities/{a.Id}/insight']"));
    }

    /// <summary>A valid antiforgery token of this client's user, from a page that always has a form.</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/en/my/notifications")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(100);
        }
    }
}

public sealed class InsightPageOnSqlite(InsightFixture<SqlitePortalFactory> fixture) : InsightPageTests<SqlitePortalFactory>(fixture);
public sealed class InsightPageOnPostgres(InsightFixture<PostgresPortalFactory> fixture) : InsightPageTests<PostgresPortalFactory>(fixture);
