using InvestPortal.Testing;
using netDumbster.smtp;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>One SMTP server and one SQLite host shared by a class's tests: each test finds its mail by Message-Id.</summary>
public sealed class SmtpFixture : IAsyncLifetime
{
    public SimpleSmtpServer Server { get; private set; } = null!;
    public NotificationHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = NotificationHost.FreePort();
        Server = SimpleSmtpServer.Start(port);
        Host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), NotificationHost.Smtp(port));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>Sends what is due and returns the message with this Message-Id as the server received it.</summary>
    public async Task<MimeKit.MimeMessage> DeliverAsync(string messageId)
    {
        await Host.DrainAsync(TimeSpan.FromSeconds(10));
        var matches = Server.Received().Select(NotificationHost.Parse).Where(m => m.MessageId == messageId).ToList();
        Assert.Single(matches);
        return matches[0];
    }
}
