using InvestPortal.Testing;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>Nothing lost, nothing sent twice: SMTP outages, dying dispatchers, on SQLite and PostgreSQL.</summary>
public sealed class OutboxDurabilityTests
{
    private const string From = "noreply@invest.example.org";

    private static EmailRequest[] Requests(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => NotificationHost.Request($"{prefix}:{i}", culture: Cultures.All[i % 3])).ToArray();

    private static void AssertDeliveredExactlyOnce(SimpleSmtpServer server, IEnumerable<EmailRequest> requests)
    {
        var expected = requests.Select(r => MessageIds.For(r.IdempotencyKey, From)).Order().ToList();
        var received = server.Received().Select(m => NotificationHost.Parse(m).MessageId ?? "").Order().ToList();
        Assert.Equal(expected, received); // every one present, none twice
    }

    private static Task<List<OutboxMessage>> AllAsync(NotificationHost host) =>
        host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task WhileTheSmtpServerIsDownMessagesWaitWithBackoffAndAreAllDeliveredOnceItIsBack(string provider)
    {
        var port = NotificationHost.FreePort(); // nothing listens there yet
        var settings = new Dictionary<string, string?>(NotificationHost.Smtp(port))
        {
            // Long enough that "nothing is due right away" holds on a loaded CI machine, where twelve
            // refused connections plus the bookkeeping can take more than a second.
            ["Outbox:BaseDelay"] = "00:00:05", ["Outbox:MaxDelay"] = "00:00:10",
        };
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database(provider), settings);
        var requests = Requests("down", 12);
        await host.QueueAsync(requests);

        Assert.Equal(12, await host.Dispatcher.DispatchDueAsync());
        var waiting = await AllAsync(host);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.LastError);
            Assert.DoesNotContain("in flight", m.LastError);
            Assert.True(m.AvailableAt > m.CreatedAt, "a failed message is rescheduled for later");
            Assert.Null(m.LockedBy);
        });
        // Backoff: right away nothing is due yet.
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync());

        // After the first delay (2.5–5 s with jitter) a second round fails too; its delay doubles.
        var due = waiting.Max(m => m.AvailableAt) - DateTimeOffset.UtcNow;
        if (due > TimeSpan.Zero) await Task.Delay(due + TimeSpan.FromMilliseconds(200));
        Assert.Equal(12, await host.Dispatcher.DispatchDueAsync());
        Assert.All(await AllAsync(host), m => Assert.Equal(2, m.Attempts));

        using var server = SimpleSmtpServer.Start(port);
        await host.DrainAsync();
        AssertDeliveredExactlyOnce(server, requests);
        Assert.All(await AllAsync(host), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.NotNull(m.SentAt);
            Assert.Null(m.LastError);
        });
        // Sent is final: more passes send nothing more.
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync());
        Assert.Equal(12, server.ReceivedEmailCount);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ADispatcherKilledMidBatchLosesAndDuplicatesNothing(string provider)
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var database = NotificationHost.Database(provider);
        FreezingTransport? freezing = null;
        // A live dispatcher renews its leases while it works; a frozen one is taken for dead once its send
        // outruns the handler timeout, after which its leases lapse as a killed process's would.
        var hangs = new Dictionary<string, string?>(NotificationHost.Smtp(port)) { ["Outbox:HandlerTimeout"] = "00:00:01" };
        await using var doomed = await NotificationHost.StartAsync(database, hangs, services =>
            services.AddSingleton<IMailTransport>(sp => freezing = new FreezingTransport(sp.GetRequiredService<SmtpMailTransport>(), freezeOnMessage: 18)));
        await using var survivor = await NotificationHost.StartAsync(database, NotificationHost.Smtp(port));
        var requests = Requests("kill", 70);
        await survivor.QueueAsync(requests);

        // The doomed dispatcher claims a batch of 50, sends 17 and dies on the 18th.
        var doomedPass = doomed.Dispatcher.DispatchDueAsync();
        _ = doomed.Services.GetRequiredService<IMailTransport>();
        await freezing!.Frozen.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(17, server.ReceivedEmailCount);

        // The survivor sends the 20 nobody claimed at once, then the dead one's 33 once its lease runs out.
        await survivor.DrainAsync();
        AssertDeliveredExactlyOnce(server, requests);

        // Even if the "dead" process wakes up, it finds nothing left that is its to send.
        freezing.Thaw();
        await doomedPass.WaitAsync(TimeSpan.FromSeconds(10));
        AssertDeliveredExactlyOnce(server, requests);
        Assert.All(await AllAsync(survivor), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var resumed = (await AllAsync(survivor)).Single(m => m.IdempotencyKey == "kill:17");
        Assert.Equal(2, resumed.Attempts); // the frozen attempt was recorded before it started
    }

    [Fact]
    public async Task ADispatcherStoppedMidBatchHandsBackTheRestAtOnce()
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var database = NotificationHost.Database("Sqlite");
        var lease = new Dictionary<string, string?>(NotificationHost.Smtp(port)) { ["Outbox:LeaseDuration"] = "00:01:00" };
        await using var stopping = await NotificationHost.StartAsync(database, lease);
        await using var other = await NotificationHost.StartAsync(database, lease);
        var requests = Requests("stop", 40);
        await other.QueueAsync(requests);

        using var stop = new CancellationTokenSource();
        server.MessageReceived += (_, _) => { if (server.ReceivedEmailCount >= 10) stop.Cancel(); };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopping.Dispatcher.DispatchDueAsync(stop.Token));
        Assert.InRange(server.ReceivedEmailCount, 10, 39);

        // A one-minute lease would hold the rest for a minute; released, they go out right away.
        await other.DrainAsync(TimeSpan.FromSeconds(10));
        AssertDeliveredExactlyOnce(server, requests);
    }
}
