using InvestPortal.Testing;
using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.IntegrationTests.Notifications;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Investing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.IntegrationTests.Investing;

/// <summary>The portal on one database with its mail going to a real SMTP test server (netDumbster).</summary>
public sealed class SmtpPortal<TFactory> : IAsyncLifetime where TFactory : PortalFactory, new()
{
    public SimpleSmtpServer Server { get; private set; } = null!;
    public TFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        var port = NotificationHost.FreePort();
        Server = SimpleSmtpServer.Start(port);
        foreach (var (key, value) in NotificationHost.Smtp(port)) Factory.Settings[key] = value;
        Factory.Settings["Mail:BaseUrl"] = "https://invest.example.org";
        _ = Factory.Server; // start now, with these settings
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Server.Stop();
        Server.Dispose();
        return Task.CompletedTask;
    }

    public List<MimeMessage> MailTo(string address) =>
        Server.Received().Select(NotificationHost.Parse).Where(m => m.To.Mailboxes.Any(a => a.Address == address)).ToList();
}

public abstract class AlertDeliveryTests<TFactory>(SmtpPortal<TFactory> portal) : IClassFixture<SmtpPortal<TFactory>> where TFactory : PortalFactory, new()
{
    private TFactory Factory => portal.Factory;

    private async Task<(HttpClient Client, Data.Identity.PortalUser User)> InvestorWithSavedSearchAsync(string name, string frequency, string text)
    {
        var (client, user) = await Factory.SignedInAsync(Roles.Investor);
        var page = await client.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString(text) + "&sector=forestry-timber");
        var saved = await client.PostFormAsync(page, "form.save-search-form", [new("Name", name), new("Frequency", frequency)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await Factory.DrainOutboxAsync(); // the percolator learns the new search
        return (client, user);
    }

    private Task<List<SearchAlert>> AlertsAsync(Guid opportunityId, string userId) =>
        Factory.WithDbAsync(db => db.SearchAlerts.AsNoTracking()
            .Where(a => a.OpportunityId == opportunityId && db.SavedSearches.Any(s => s.Id == a.SavedSearchId && s.UserId == userId)).ToListAsync());

    [Fact]
    public async Task A_russian_saved_search_alerts_once_in_russian_on_a_chinese_only_listing()
    {
        var (_, user) = await InvestorWithSavedSearchAsync("Древесина у границы", "Immediate", "древесина");
        var title = "黑河进口木材仓储基地 " + Guid.NewGuid().ToString("N")[..6];
        var id = await Factory.PendingChineseListingAsync(title, "进口俄罗斯木材，建设仓储与分拣中心，靠近黑河—布拉戈维申斯克大桥。");
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.ApproveAsync(id)).StatusCode);
        await Factory.DrainOutboxAsync();

        // Handled again (a retry after a lost acknowledgement), and approved again after a trip back to review.
        var message = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == AlertOutbox.AlertsKind && m.PayloadJson.Contains(id.ToString())));
        await Factory.WithScopeAsync(async sp =>
        {
            var handler = sp.GetServices<IOutboxHandler>().Single(h => h.Kind == AlertOutbox.AlertsKind);
            await handler.HandleAsync(message, CancellationToken.None);
            return 0;
        });
        await Factory.SetStatusAsync(id, OpportunityStatus.PendingReview);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.ApproveAsync(id)).StatusCode);
        await Factory.DrainOutboxAsync();
        Assert.Equal(2, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == AlertOutbox.AlertsKind && m.PayloadJson.Contains(id.ToString()))));

        var alert = Assert.Single(await AlertsAsync(id, user.Id));
        Assert.NotNull(alert.SentAt);
        var mail = Assert.Single(portal.MailTo(user.Email!), m => m.Subject!.Contains(title, StringComparison.Ordinal));
        Assert.StartsWith("Новый проект по подписке «Древесина у границы»", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Русской версии этого текста пока нет", mail.TextBody, StringComparison.Ordinal);
        var slug = (await Factory.WithDbAsync(db => db.Opportunities.SingleAsync(o => o.Id == id))).Slug;
        Assert.Contains($"https://invest.example.org/ru/opportunities/{slug}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://invest.example.org/ru/my/alerts", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<https://invest.example.org/ru/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_search_waits_for_the_daily_digest_which_comes_once()
    {
        var (_, user) = await InvestorWithSavedSearchAsync("Клееный брус", "Daily", "клееный брус");
        var title = "胶合木生产基地 " + Guid.NewGuid().ToString("N")[..6];
        var id = await Factory.PendingChineseListingAsync(title, "胶合木与集成材生产线。");
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        await admin.ApproveAsync(id);
        await Factory.DrainOutboxAsync();

        var alert = Assert.Single(await AlertsAsync(id, user.Id));
        Assert.Null(alert.SentAt);
        Assert.Empty(await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "email" && m.IdempotencyKey.StartsWith(EmailTemplates.SavedSearchMatch) && m.PayloadJson.Contains(user.Email!)).ToListAsync()));

        var clock = new MovableClock(DateTimeOffset.UtcNow.AddDays(1));
        Task<int> DigestAsync() => Factory.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<AlertDigest>(sp, (TimeProvider)clock).RunAsync());
        Assert.True(await DigestAsync() >= 1);
        Assert.Equal(0, await DigestAsync()); // the same day again: nothing new to send
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(0, await DigestAsync()); // next day: everything was sent
        await Factory.DrainOutboxAsync();

        Assert.NotNull(Assert.Single(await AlertsAsync(id, user.Id)).SentAt);
        var mails = portal.MailTo(user.Email!);
        var digest = Assert.Single(mails);
        Assert.StartsWith("Ежедневная сводка: новые проекты по подписке «Клееный брус»", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(title, digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.Subject!.StartsWith("Новый проект по подписке", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Switching_alert_emails_off_records_alerts_but_sends_nothing()
    {
        var (client, user) = await InvestorWithSavedSearchAsync("Лесозаготовка", "Immediate", "лесозаготовка");
        var prefs = await client.GetDocumentAsync("/ru/my/notifications");
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync(prefs, "main form", [new("Enabled", "interests"), new("Frequency", "Immediate")], "/ru/my/notifications")).StatusCode);
        Assert.NotNull((await client.GetDocumentAsync("/ru/my/notifications")).QuerySelector("input[value='saved-searches']:not([checked])"));
        var id = await Factory.PendingChineseListingAsync("伊春林区采伐项目 " + Guid.NewGuid().ToString("N")[..6], "木材采伐与运输。");
        var (admin, _) = await Factory.SignedInAsync(Roles.Admin);
        await admin.ApproveAsync(id);
        await Factory.DrainOutboxAsync();

        Assert.Single(await AlertsAsync(id, user.Id));
        Assert.Empty(portal.MailTo(user.Email!));
        Assert.NotNull((await client.GetDocumentAsync("/ru/my/alerts")).QuerySelector(".notice a[href='/ru/my/notifications']"));
    }
}

public sealed class AlertDeliveryOnSqlite(SmtpPortal<SqlitePortalFactory> portal) : AlertDeliveryTests<SqlitePortalFactory>(portal);
public sealed class AlertDeliveryOnPostgres(SmtpPortal<PostgresPortalFactory> portal) : AlertDeliveryTests<PostgresPortalFactory>(portal);
