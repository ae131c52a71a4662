using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

public sealed class PickupTransportTests
{
    [Fact]
    public async Task PickupWritesOneValidEmlFilePerMessageNamedByItsMessageId()
    {
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite")); // Pickup is the default
        var requests = Cultures.All.Select(c => NotificationHost.Request($"pickup:{c}", EmailTemplates.AccountConfirmEmail, c, essential: true)).ToArray();
        await host.QueueAsync(requests);
        await host.DrainAsync();

        var files = Directory.GetFiles(host.MailFolder);
        Assert.Equal(3, files.Length); // no temporary files left behind
        foreach (var request in requests)
        {
            var id = MessageIds.For(request.IdempotencyKey, "noreply@invest.example.org");
            var file = Path.Combine(host.MailFolder, PickupMailTransport.FileNameFor(id));
            Assert.Contains(file, files);
            var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal(id, mail.MessageId);
            Assert.Equal("owner@example.org", mail.To.Mailboxes.Single().Address);
            Assert.Equal(EmailTemplateCases.All[EmailTemplates.AccountConfirmEmail].Subjects[request.Culture], mail.Subject);
            Assert.Contains($"{NotificationHost.BaseUrl}/{request.Culture}/my/opportunities/42", mail.TextBody);
            Assert.Contains("<html", mail.HtmlBody);
            Assert.All(File.ReadAllBytes(file), b => Assert.True(b < 128, "prepared for 7-bit transport"));
        }
    }

    [Fact]
    public async Task AMessageWrittenBeforeACrashIsNotWrittenAgainWhenItIsRetried()
    {
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"));
        await host.QueueAsync(NotificationHost.Request("crash:1"));
        // The send happened, then the process died before recording it: the message is still Pending.
        var message = await host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        var handler = host.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == OutboxKinds.Email);
        await handler.HandleAsync(message, CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(host.MailFolder));
        var written = File.GetLastWriteTimeUtc(file);

        await host.DrainAsync();
        Assert.Equal([file], Directory.GetFiles(host.MailFolder));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(OutboxStatus.Sent, (await host.WithDbAsync(db => db.OutboxMessages.SingleAsync())).Status);
    }

    [Fact]
    public async Task TheHostedDispatcherDeliversWithoutBeingAsked()
    {
        var settings = new Dictionary<string, string?> { ["Outbox:Enabled"] = "true" };
        await using var host = await NotificationHost.StartAsync(NotificationHost.Database("Sqlite"), settings);
        await host.QueueAsync(NotificationHost.Request("hosted:1", EmailTemplates.AccountConfirmEmail, "ru", essential: true));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Directory.Exists(host.MailFolder) || Directory.GetFiles(host.MailFolder, "*.eml").Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the background dispatcher sent nothing within 10 s");
            await Task.Delay(50);
        }
        var mail = await MimeMessage.LoadAsync(Directory.GetFiles(host.MailFolder, "*.eml").Single());
        Assert.Equal("Подтвердите адрес электронной почты", mail.Subject);
    }
}
