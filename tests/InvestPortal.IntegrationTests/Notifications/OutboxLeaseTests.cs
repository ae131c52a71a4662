using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Options;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Notifications.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>
/// Leases are short so a crashed node's messages (index updates, emails) are taken over within seconds,
/// and a live node renews them while it works, so a long message is never handled twice.
/// </summary>
public sealed class OutboxLeaseTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_message_leased_by_a_crashed_node_is_sent_by_another_node_once_the_default_lease_runs_out(string provider)
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        // The default lease, as in production (the test host otherwise shortens it).
        var lease = new OutboxOptions().LeaseDuration;
        var settings = new Dictionary<string, string?>(NotificationHost.Smtp(port)) { ["Outbox:LeaseDuration"] = lease.ToString() };
        await using var survivor = await NotificationHost.StartAsync(NotificationHost.Database(provider), settings);
        var id = (await survivor.QueueAsync(NotificationHost.Request("crashed:1"))).Single();

        // What a node killed mid-send leaves behind: its claim, a recorded attempt and the in-flight marker.
        var now = DateTimeOffset.UtcNow;
        await survivor.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedBy, "crashed-node/4242/0")
            .SetProperty(m => m.LockedUntil, now + lease)
            .SetProperty(m => m.Attempts, 1)
            .SetProperty(m => m.LastError, $"{OutboxDispatcher.InFlightPrefix} attempt 1 by crashed-node/4242/0 since {now:O}")));

        // While the lease holds, the message stays the crashed node's.
        Assert.Equal(0, await survivor.Dispatcher.DispatchDueAsync());
        Assert.Equal(0, server.ReceivedEmailCount);

        // Then another node takes it over: within half a minute, not after minutes.
        await survivor.DrainAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, server.ReceivedEmailCount);
        var sent = await survivor.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task A_live_node_keeps_the_lease_of_a_message_that_takes_longer_than_the_lease_so_no_other_node_sends_it_too()
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var database = NotificationHost.Database("Sqlite");
        // A 3 s lease, renewed every second: short enough that the send below outlasts it three times over, long enough
        // that a renewal delayed by a busy CI machine (a 1 s lease once lapsed there) does not count as a dead node.
        var shortLease = new Dictionary<string, string?>(NotificationHost.Smtp(port))
        {
            ["Outbox:LeaseDuration"] = "00:00:03", ["Outbox:HandlerTimeout"] = "00:01:00",
        };
        SlowTransport? slow = null;
        await using var busy = await NotificationHost.StartAsync(database, shortLease, services =>
            services.AddSingleton<IMailTransport>(sp => slow = new SlowTransport(sp.GetRequiredService<SmtpMailTransport>(), TimeSpan.FromSeconds(10))));
        await using var other = await NotificationHost.StartAsync(database, shortLease);
        await other.QueueAsync(NotificationHost.Request("long:1"));

        // The busy node spends more than three leases' worth of time on the one message...
        var pass = busy.Dispatcher.DispatchDueAsync();
        _ = busy.Services.GetRequiredService<IMailTransport>();
        await slow!.Started.WaitAsync(TimeSpan.FromSeconds(10));
        // ...while the other node keeps looking for due work and finds none.
        var takenByOther = 0;
        while (!pass.IsCompleted)
        {
            takenByOther += await other.Dispatcher.DispatchDueAsync();
            await Task.Delay(200);
        }
        Assert.Equal(1, await pass);
        Assert.Equal(0, takenByOther);
        Assert.Equal(1, server.ReceivedEmailCount);
        var message = await other.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxStatus.Sent, 1), (message.Status, message.Attempts));
    }

    /// <summary>A send that takes a while (a slow SMTP server, a big index update), then goes through.</summary>
    private sealed class SlowTransport(IMailTransport inner, TimeSpan delay) : IMailTransport
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Started => started.Task;
        public string Name => inner.Name;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await Task.Delay(delay, cancellationToken);
            await inner.SendAsync(message, cancellationToken);
        }

        public Task EndBatchAsync(CancellationToken cancellationToken) => inner.EndBatchAsync(cancellationToken);
        public Task<string> ProbeAsync(CancellationToken cancellationToken) => inner.ProbeAsync(cancellationToken);
    }
}
