using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Insight;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Insight;

public abstract class ListingExpiryTests<TFactory>(InsightFixture<TFactory> fixture) : IClassFixture<InsightFixture<TFactory>>
    where TFactory : PortalFactory, new()
{
    private PortalFactory Factory => fixture.Factory;

    /// <summary>One expiry pass as the background service runs it, but on the test's clock.</summary>
    private Task<ListingExpiry.Result> RunAsync(MovableClock clock) => Factory.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<ListingExpiry>(sp, clock).RunOnceAsync());

    [Fact]
    public async Task An_unconfirmed_listing_is_reminded_in_each_officials_language_then_closed()
    {
        var (_, zhOfficial) = await fixture.OfficialAsync();
        var (_, ruOfficial) = await fixture.OfficialAsync();
        await fixture.SetCultureAsync(zhOfficial, "zh");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow;
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(zhOfficial, ruOfficial), marker, start);
        var clock = new MovableClock(start.AddDays(100));

        await RunAsync(clock);
        Assert.Null((await Factory.OpportunityAsync(listing.Id)).ExpiryReminderSentAt);

        clock.Now = start.AddDays(181);
        await RunAsync(clock);
        var reminded = await Factory.OpportunityAsync(listing.Id);
        // PostgreSQL keeps microseconds, the clock has 100 ns ticks.
        Assert.True((reminded.ExpiryReminderSentAt!.Value - clock.Now).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(OpportunityStatus.Published, reminded.Status);

        // Through the real SMTP server, each official in their own language, with the closing date.
        var zh = Assert.Single(await fixture.ReceivedAsync(zhOfficial.Email!, marker));
        Assert.Equal($"项目“黑河木材加工园 {marker}”将于{start.AddDays(211).ToString("D", System.Globalization.CultureInfo.GetCultureInfo("zh-Hans"))}到期", zh.Subject);
        Assert.Contains($"/zh/my/opportunities/{listing.Id}/insight", zh.TextBody, StringComparison.Ordinal);
        var ru = Assert.Single(await fixture.ReceivedAsync(ruOfficial.Email!, marker));
        Assert.StartsWith($"Срок размещения проекта «Лесопромышленный парк Хэйхэ {marker}» истекает", ru.Subject, StringComparison.Ordinal);

        // Running again (another node, the next interval) sends nothing more and closes nothing yet.
        await RunAsync(clock);
        clock.Now = start.AddDays(181 + 29);
        await RunAsync(clock);
        Assert.Equal(OpportunityStatus.Published, (await Factory.OpportunityAsync(listing.Id)).Status);
        Assert.Single(await Factory.EmailsToAsync(zhOfficial.Email!, EmailTemplates.OpportunityExpiryReminder));

        clock.Now = start.AddDays(181 + 31);
        await RunAsync(clock);
        await RunAsync(clock);
        var expired = await Factory.OpportunityAsync(listing.Id);
        Assert.Equal((OpportunityStatus.Closed, InvestPortal.Core.Domain.ListingOutcomes.Expired), (expired.Status, expired.Outcome));
        Assert.Equal("zh", Assert.Single(await Factory.EmailsToAsync(zhOfficial.Email!, EmailTemplates.OpportunityClosed)).Culture);
        Assert.Equal("ru", Assert.Single(await Factory.EmailsToAsync(ruOfficial.Email!, EmailTemplates.OpportunityClosed)).Culture);
        var audit = await Factory.AuditAsync(listing.Id);
        Assert.Equal(["opportunity.close", "opportunity.expire", "opportunity.expiry-reminder"], audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.Equal(ListingExpiry.ActorName, a.UserName));
        var close = audit.Single(a => a.Action == "opportunity.close");
        Assert.Equal(("Published", "Closed"), (close.FromState, close.ToState));
    }

    [Fact]
    public async Task Two_nodes_running_the_pass_at_the_same_moment_remind_once()
    {
        var (_, official) = await fixture.OfficialAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow;
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(official), marker, start);
        var clock = new MovableClock(start.AddDays(200));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunAsync(clock))));
        Assert.Single(await Factory.EmailsToAsync(official.Email!, EmailTemplates.OpportunityExpiryReminder));
        Assert.Single(await Factory.AuditAsync(listing.Id), a => a.Action == "opportunity.expiry-reminder");

        clock.Now = start.AddDays(240);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => RunAsync(clock))));
        Assert.Equal(OpportunityStatus.Closed, (await Factory.OpportunityAsync(listing.Id)).Status);
        Assert.Single(await Factory.EmailsToAsync(official.Email!, EmailTemplates.OpportunityClosed));
        Assert.Single(await Factory.AuditAsync(listing.Id), a => a.Action == "opportunity.close");
        Assert.Single(await Factory.AuditAsync(listing.Id), a => a.Action == "opportunity.expire");
    }

    [Fact]
    public async Task Confirming_on_the_insight_page_starts_the_period_again()
    {
        var (owner, ownerUser) = await fixture.OfficialAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var listing = await fixture.PublishedListingAsync(await Factory.NewOrganizationAsync(ownerUser), marker, now.AddDays(-181));
        var clock = new MovableClock(now);
        await RunAsync(clock);
        Assert.NotNull((await Factory.OpportunityAsync(listing.Id)).ExpiryReminderSentAt);

        var url = $"/ru/my/opportunities/{listing.Id}/insight";
        var page = await owner.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector(".owner-panel .warning-text"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(url, page, "form.confirm-form", new Dictionary<string, string>())).StatusCode);
        var confirmed = await Factory.OpportunityAsync(listing.Id);
        Assert.Null(confirmed.ExpiryReminderSentAt);
        Assert.True(confirmed.LastConfirmedAt >= now, "confirmed now");
        var after = await owner.GetDocumentAsync(url);
        Assert.Contains("актуальность проекта подтверждена", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(".owner-panel .warning-text"));

        // A month later nothing closes and nobody is reminded: the 180 days count from the confirmation.
        clock.Now = now.AddDays(31);
        await RunAsync(clock);
        var later = await Factory.OpportunityAsync(listing.Id);
        Assert.Equal((OpportunityStatus.Published, (DateTimeOffset?)null), (later.Status, later.ExpiryReminderSentAt));
        var confirm = Assert.Single(await Factory.AuditAsync(listing.Id), a => a.Action == "opportunity.confirm");
        Assert.Equal(ownerUser.Id, confirm.UserId);
    }

    [Fact]
    public async Task Demo_and_already_closed_listings_are_left_alone()
    {
        var demo = await Factory.WithDbAsync(db => db.Opportunities.AsNoTracking()
            .Where(o => o.IsDemo && o.Status == OpportunityStatus.Published).Select(o => o.Id).FirstAsync());
        await RunAsync(new MovableClock(DateTimeOffset.UtcNow.AddYears(3)));
        var after = await Factory.OpportunityAsync(demo);
        Assert.Equal((OpportunityStatus.Published, (DateTimeOffset?)null), (after.Status, after.ExpiryReminderSentAt));
    }
}

public sealed class ListingExpiryOnSqlite(InsightFixture<SqlitePortalFactory> fixture) : ListingExpiryTests<SqlitePortalFactory>(fixture);
public sealed class ListingExpiryOnPostgres(InsightFixture<PostgresPortalFactory> fixture) : ListingExpiryTests<PostgresPortalFactory>(fixture);
