using InvestPortal.Testing;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

public sealed class OutboxRaceTests
{
    [Fact]
    public async Task TwoDispatchersOnOnePostgresDatabaseNeverSendTheSameMessageTwice()
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var database = NotificationHost.Database("Postgres");
        // Small batches make the two processes take turns on the same rows many times over.
        var settings = new Dictionary<string, string?>(NotificationHost.Smtp(port)) { ["Outbox:BatchSize"] = "10" };
        await using var first = await NotificationHost.StartAsync(database, settings);
        await using var second = await NotificationHost.StartAsync(database, settings);
        var requests = Enumerable.Range(0, 200)
            .Select(i => NotificationHost.Request($"race:{i}", culture: Cultures.All[i % 3])).ToArray();
        await first.QueueAsync(requests);

        using var start = new SemaphoreSlim(0, 2);
        async Task<int> RunAsync(NotificationHost host)
        {
            await start.WaitAsync();
            var total = 0;
            for (var idle = 0; idle < 3;)
            {
                var n = await host.Dispatcher.DispatchDueAsync();
                total += n;
                idle = n == 0 ? idle + 1 : 0;
            }
            return total;
        }
        var runs = new[] { Task.Run(() => RunAsync(first)), Task.Run(() => RunAsync(second)) };
        start.Release(2);
        var counts = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(30));

        var received = server.Received().Select(m => NotificationHost.Parse(m).MessageId).ToList();
        Assert.Equal(200, received.Count);
        Assert.Equal(200, received.Distinct().Count());
        Assert.Equal(
            requests.Select(r => MessageIds.For(r.IdempotencyKey, "noreply@invest.example.org")).Order(),
            received.Order());
        Assert.Equal(200, counts.Sum()); // every message attempted by exactly one of them, once
        Assert.All(counts, c => Assert.True(c > 0, "both dispatchers took part in the race"));
        var messages = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(messages, m => { Assert.Equal(OutboxStatus.Sent, m.Status); Assert.Equal(1, m.Attempts); });
    }
}
