using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Notifications.Web;

public abstract class NotificationPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private Task<bool> IsEnabledAsync(string subscriber, string topic) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().IsEnabledAsync(subscriber, topic));

    [Fact]
    public async Task Unsubscribe_link_asks_first_then_stops_the_topic_without_login()
    {
        var subscriber = $"email:{Guid.NewGuid():N}@example.com";
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(subscriber, NotificationTopics.SavedSearches);
        using var client = factory.CreateBrowserlikeClient();

        var confirm = await client.GetDocumentAsync($"/ru/unsubscribe?token={Uri.EscapeDataString(token)}");
        Assert.NotNull(confirm.QuerySelector("main form button"));
        Assert.True(await IsEnabledAsync(subscriber, NotificationTopics.SavedSearches), "a GET (a mail scanner) must not unsubscribe");

        var response = await client.SubmitFormAsync($"/ru/unsubscribe?token={Uri.EscapeDataString(token)}", confirm, "main form", new Dictionary<string, string>());
        var done = await response.ParseAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("сохранённым поискам", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await IsEnabledAsync(subscriber, NotificationTopics.SavedSearches));
        Assert.True(await IsEnabledAsync(subscriber, NotificationTopics.Interests), "only the one topic stops");
    }

    [Fact]
    public async Task Mail_client_one_click_post_works_without_antiforgery()
    {
        var subscriber = $"email:{Guid.NewGuid():N}@example.com";
        var token = factory.Services.GetRequiredService<UnsubscribeTokens>().Create(subscriber, NotificationTopics.Invitations);
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.PostAsync($"/en/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await IsEnabledAsync(subscriber, NotificationTopics.Invitations));
    }

    [Fact]
    public async Task A_tampered_token_is_refused_and_changes_nothing()
    {
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.PostAsync("/zh/unsubscribe?token=CfDJ8forged-token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Users_choose_their_topics_and_digest_frequency()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var page = await client.GetDocumentAsync("/zh/my/notifications");
        Assert.Equal(NotificationTopics.Optional.Count, page.QuerySelectorAll("input[name=Enabled]").Length);
        var form = new List<KeyValuePair<string, string>>(
            NotificationTopics.Optional.Where(t => t != NotificationTopics.Invitations).Select(t => new KeyValuePair<string, string>("Enabled", t)))
        {
            new("Frequency", nameof(AlertFrequency.Weekly)),
            new("__RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        var saved = await (await client.PostAsync("/zh/my/notifications", new FormUrlEncodedContent(form))).ParseAsync();
        Assert.NotNull(saved.QuerySelector("[role=status]"));
        Assert.False(await IsEnabledAsync(user.Id, NotificationTopics.Invitations));
        Assert.True(await IsEnabledAsync(user.Id, NotificationTopics.SavedSearches));
        var prefs = await factory.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().GetAsync(user.Id));
        Assert.Equal(AlertFrequency.Weekly, prefs.Single(p => p.Topic == NotificationTopics.SavedSearches).Frequency);
        Assert.Equal("Weekly", saved.QuerySelector("#Frequency option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Only_admins_see_the_outbox()
    {
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync("/en/admin/outbox")).StatusCode);
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/en/admin/outbox")).StatusCode);
    }

    [Fact]
    public async Task Admin_retries_a_dead_email_and_discards_another_with_an_audit_trail()
    {
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var (dead, doomed) = await factory.WithDbAsync(async db =>
        {
            var a = db.Enqueue("email-test-dead", new { }, $"dead-{Guid.NewGuid():N}");
            var b = db.Enqueue("email-test-dead", new { }, $"dead-{Guid.NewGuid():N}");
            a.Status = b.Status = OutboxStatus.Dead;
            a.LastError = b.LastError = "SMTP 550 mailbox unavailable";
            a.Attempts = b.Attempts = 8;
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var page = await admin.GetDocumentAsync("/ru/admin/outbox?status=Dead");
        Assert.Contains("SMTP 550 mailbox unavailable", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var retryForm = page.QuerySelectorAll("form").First(f => f.InnerHtml.Contains(dead.ToString(), StringComparison.Ordinal) && f.GetAttribute("action")!.Contains("Retry", StringComparison.OrdinalIgnoreCase));
        var retried = await admin.PostAsync(retryForm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = dead.ToString(),
            ["__RequestVerificationToken"] = retryForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var discardForm = page.QuerySelectorAll("form").First(f => f.InnerHtml.Contains(doomed.ToString(), StringComparison.Ordinal) && f.GetAttribute("action")!.Contains("Discard", StringComparison.OrdinalIgnoreCase));
        await admin.PostAsync(discardForm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = doomed.ToString(), ["reason"] = "address no longer exists",
            ["__RequestVerificationToken"] = discardForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        var (retriedRow, discardedRow, audits) = await factory.WithDbAsync(async db => (
            await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == dead),
            await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == doomed),
            await db.AuditEntries.AsNoTracking().Where(a => a.UserId == adminUser.Id).Select(a => a.Action).ToListAsync()));
        Assert.Equal(OutboxStatus.Pending, retriedRow.Status);
        Assert.Equal(0, retriedRow.Attempts);
        Assert.Equal(OutboxStatus.Discarded, discardedRow.Status);
        Assert.Contains("outbox.retry", audits);
        Assert.Contains("outbox.discard", audits);
    }
}

public sealed class NotificationPagesOnSqlite(SqlitePortalFactory factory) : NotificationPagesTests<SqlitePortalFactory>(factory);
public sealed class NotificationPagesOnPostgres(PostgresPortalFactory factory) : NotificationPagesTests<PostgresPortalFactory>(factory);
