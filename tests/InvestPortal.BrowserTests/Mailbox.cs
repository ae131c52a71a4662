using System.Text.Json;
using System.Text.RegularExpressions;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.BrowserTests;

/// <summary>One email as the recipient's mail server got it.</summary>
public sealed partial record ReceivedEmail(MimeMessage Message)
{
    /// <summary>The language the body declares (Content-Language), e.g. "zh-Hans".</summary>
    public string? Language => Message.Body?.Headers[HeaderId.ContentLanguage];
    public string Subject => Message.Subject ?? "";
    public string Text => Message.TextBody ?? "";

    /// <summary>The site-relative address of the first link in the text whose path starts with the prefix ("/ru/opportunities/").</summary>
    public string LinkStartingWith(string pathPrefix) =>
        Links().Matches(Text).Select(m => new Uri(m.Value)).Select(u => u.PathAndQuery)
            .FirstOrDefault(p => p.StartsWith(pathPrefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link to {pathPrefix}… in: {Text}");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();
}

/// <summary>
/// Reads what the portal's SMTP server received. The outbox says which message a template produced for an
/// address (its Message-Id); the SMTP server says it really arrived, and with which headers and text.
/// </summary>
public sealed class Mailbox(SimpleSmtpServer smtp, Func<IServiceProvider> services)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The <paramref name="nth"/> email (1-based, oldest first) of this template to this address, once it has arrived.</summary>
    public async Task<ReceivedEmail> WaitForAsync(string to, string template, int nth = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            var ids = await MessageIdsAsync(to, template);
            if (ids.Count >= nth)
            {
                var wanted = ids[nth - 1].Trim('<', '>');
                var arrived = smtp.Received().Select(TestSmtp.Parse).FirstOrDefault(m => m.MessageId == wanted);
                if (arrived is not null) return new ReceivedEmail(arrived);
            }
            await Task.Delay(150);
        }
        throw new TimeoutException($"Email {template} #{nth} to {to} did not arrive. Received: "
            + string.Join(" | ", smtp.Received().Select(TestSmtp.Parse).Select(m => $"{m.To} “{m.Subject}”")));
    }

    /// <summary>How many emails of this template the portal has queued for the address so far.</summary>
    public async Task<int> CountAsync(string to, string template) => (await MessageIdsAsync(to, template)).Count;

    private async Task<List<string>> MessageIdsAsync(string to, string template)
    {
        await using var scope = services().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Payloads are JSON; narrowing by the address text first keeps this cheap on a busy outbox.
        var payloads = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == "email" && m.PayloadJson.Contains(to))
            .OrderBy(m => m.CreatedAt).Select(m => m.PayloadJson).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<EmailPayload>(p, Json)!)
            .Where(p => p.ToAddress == to && p.Template == template).Select(p => p.MessageId).ToList();
    }
}
