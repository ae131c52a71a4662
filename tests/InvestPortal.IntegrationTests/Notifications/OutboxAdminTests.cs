using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

public sealed class OutboxAdminTests
{
    [Fact]
    public async Task AfterMaxAttemptsAMessageIsDeadAndAnAdminRetryDeliversIt()
    {
        var port = NotificationHost.FreePort();
        var settings = new Dictionary<string, string?>(NotificationHost.Smtp(port)) { ["Outbox:MaxAttempts"] = "3" };
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), settings);
        var id = (await host.QueueAsync(NotificationHost.Request("dead:1")))[0];

        await host.DrainAsync(TimeSpan.FromSeconds(10)); // ends when nothing is pending: here, when it died
        var dead = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Equal(3, dead.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(dead.LastError));
        Assert.DoesNotContain(OutboxDispatcher.InFlightPrefix, dead.LastError);
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync()); // dead is final until someone acts

        var listed = await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().ListAsync(OutboxStatus.Dead));
        var row = Assert.Single(listed.Items);
        Assert.Equal(("owner@example.org", "Approved and published: “Heihe timber park dead:1”"), (row.To, row.Subject));
        Assert.Equal(dead.LastError, row.LastError);

        using var server = SimpleSmtpServer.Start(port);
        Assert.True(await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().RetryAsync(id, new Actor("admin-1", "admin@example.org"))));
        var retried = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Pending, 0), (retried.Status, retried.Attempts));
        await host.DrainAsync();
        Assert.Equal(1, server.ReceivedEmailCount);
        Assert.Equal(OutboxStatus.Sent, (await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id))).Status);

        var audit = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "outbox.retry"));
        Assert.Equal((id.ToString(), "admin@example.org", "Dead", "Pending"), (audit.EntityId, audit.UserName, audit.FromState, audit.ToState));
        // Only dead or discarded messages can be retried.
        Assert.False(await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().RetryAsync(id, new Actor(null, "admin@example.org"))));
    }

    [Fact]
    public async Task ADiscardedMessageIsNeverSentAndTheDiscardIsAudited()
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), NotificationHost.Smtp(port));
        var ids = await host.QueueAsync(NotificationHost.Request("discard:1"), NotificationHost.Request("discard:2"));

        Assert.True(await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().DiscardAsync(ids[0], new Actor(null, "admin@example.org"), reason: "wrong address")));
        await host.DrainAsync();

        Assert.Equal(1, server.ReceivedEmailCount);
        var counts = await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().CountsAsync());
        Assert.Equal((1, 1, 0, 0), (counts[OutboxStatus.Discarded], counts[OutboxStatus.Sent], counts[OutboxStatus.Pending], counts[OutboxStatus.Dead]));
        var audit = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "outbox.discard"));
        Assert.Equal(("Pending", "Discarded", "wrong address"), (audit.FromState, audit.ToState, audit.Reason));
        Assert.False(await host.WithScopeAsync(sp => sp.GetRequiredService<OutboxAdmin>().DiscardAsync(ids[1], new Actor(null, "admin@example.org")))); // already sent
    }

    [Fact]
    public async Task ListingPagesNewestFirstAndFiltersByStatus()
    {
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"));
        for (var i = 0; i < 5; i++)
        {
            await host.QueueAsync(NotificationHost.Request($"page:{i}"));
            await Task.Delay(5); // distinct creation times
        }
        var admin = (OutboxAdmin)host.Services.CreateScope().ServiceProvider.GetRequiredService<OutboxAdmin>();
        var page1 = await admin.ListAsync(OutboxStatus.Pending, page: 1, pageSize: 2);
        var page3 = await admin.ListAsync(OutboxStatus.Pending, page: 3, pageSize: 2);
        Assert.Equal(5, page1.Total);
        Assert.Equal(["page:4", "page:3"], page1.Items.Select(i => i.IdempotencyKey));
        Assert.Equal(["page:0"], page3.Items.Select(i => i.IdempotencyKey));
        Assert.Empty((await admin.ListAsync(OutboxStatus.Dead)).Items);
    }

    [Fact]
    public async Task AMessageOfAKindWithoutAHandlerStaysPendingWithoutUsingAttempts()
    {
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"));
        await host.WithDbAsync(async db =>
        {
            db.Enqueue("future-feature", new { Value = 1 }, "future:1");
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync());
        var message = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == "future:1"));
        Assert.Equal((OutboxStatus.Pending, 0, null), (message.Status, message.Attempts, message.LockedBy));
    }
}
