using InvestPortal.Testing;
using InvestPortal.IntegrationTests.Notifications;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.IntegrationTests.Accounts;

/// <summary>The promise end to end: a registration in the browser's language leaves a confirmation in that language,
/// as an .eml file with the embedded defaults and over real SMTP when configured.</summary>
public sealed class RegistrationEmailTests
{
    private static async Task RegisterAsync(PortalFactory factory, string culture, string email)
    {
        using var client = factory.CreateBrowserlikeClient();
        var url = $"/{culture}/account/register";
        var page = await client.GetDocumentAsync(url);
        var response = await client.SubmitFormAsync(url, page, "main form", new Dictionary<string, string>
        {
            ["Input.Role"] = "Investor", ["Input.DisplayName"] = "Ли Мин", ["Input.Email"] = email,
            ["Input.Password"] = "heihe-bridge-2026", ["Input.ConfirmPassword"] = "heihe-bridge-2026",
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what) where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException(what);
    }

    [Fact]
    public async Task With_the_defaults_a_confirmation_eml_lands_in_the_pickup_folder_in_the_users_language()
    {
        using var factory = new SqlitePortalFactory();
        var email = $"pickup-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(factory, "zh", email);
        var mailFolder = Path.Combine(factory.DataPath, "mail");
        var message = await EventuallyAsync(() => Directory.Exists(mailFolder)
            ? Directory.GetFiles(mailFolder, "*.eml").Select(f => MimeMessage.Load(f)).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == email))
            : null, "no .eml for the new user");
        Assert.Contains("确认", message.Subject, StringComparison.Ordinal);
        Assert.Contains("/zh/account/confirm-email?", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
    }

    [Fact]
    public async Task With_smtp_configured_the_same_confirmation_arrives_over_smtp()
    {
        var port = NotificationHost.FreePort();
        using var server = SimpleSmtpServer.Start(port);
        using var factory = new SqlitePortalFactory();
        foreach (var (key, value) in NotificationHost.Smtp(port)) factory.Settings[key] = value;
        var email = $"smtp-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(factory, "ru", email);
        var message = await EventuallyAsync(() => server.Received().Select(NotificationHost.Parse)
            .FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == email)), "no SMTP message for the new user");
        Assert.Contains("/ru/account/confirm-email?", message.TextBody, StringComparison.Ordinal);
        Assert.Matches("[А-Яа-я]", message.Subject);
        Assert.Empty(Directory.Exists(Path.Combine(factory.DataPath, "mail")) ? Directory.GetFiles(Path.Combine(factory.DataPath, "mail"), "*.eml") : []);
        server.Stop();
    }
}
