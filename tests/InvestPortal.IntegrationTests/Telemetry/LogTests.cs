using System.Diagnostics;
using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using System.Text.RegularExpressions;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>Issue 17: logs an operator can search by trace id, and that hold no personal data at Information level.</summary>
public sealed class LogTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    [Fact]
    public async Task Every_log_line_about_a_request_carries_the_requests_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/opportunities?q=timber");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        await Task.Delay(200); // "Request finished" is written after the response

        var lines = factory.Logs.Lines.Where(l => l.Scope.GetValueOrDefault("RequestPath") == "/en/opportunities").ToList();
        var ours = lines.Where(l => l.Scope.GetValueOrDefault("TraceId") == traceId.ToHexString()).ToList();
        Assert.NotEmpty(ours);
        Assert.Contains(ours, l => l.Message.StartsWith("Request starting", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.False(string.IsNullOrEmpty(l.Scope.GetValueOrDefault("TraceId")), $"no trace id on: {l.Message}"));
    }

    [Fact]
    public async Task Registration_its_email_and_a_password_reset_leave_no_email_address_in_Information_logs()
    {
        var email = $"privacy-{Guid.NewGuid():N}@example.com";
        var message = await factory.RegisterAsync(email);
        // Wait until the confirmation email has gone out through the transport.
        for (var i = 0; i < 300; i++)
        {
            var sent = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().AnyAsync(m => m.Id == message.Id && m.Status == OutboxStatus.Sent));
            if (sent) break;
            await Task.Delay(100);
        }
        Assert.Contains(Directory.GetFiles(Path.Combine(factory.DataPath, "mail"), "*.eml", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase));

        // The password reset link is opened: its URL (which the request log prints) names the user by id, not by address.
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        using var client = factory.CreateBrowserlikeClient();
        var forgot = await client.GetDocumentAsync("/en/account/forgot-password");
        await client.SubmitFormAsync("/en/account/forgot-password", forgot, "main form", new Dictionary<string, string> { ["Email"] = email });
        OutboxMessage? reset = null;
        for (var i = 0; i < 300 && reset is null; i++)
        {
            reset = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .FirstOrDefaultAsync(m => m.IdempotencyKey.StartsWith(EmailTemplates.AccountPasswordReset + ":" + userId)));
            if (reset is null) await Task.Delay(100);
        }
        Assert.NotNull(reset);
        var text = reset.ReadPayload<EmailPayload>().Text;
        var link = WebUtility.HtmlDecode(Regex.Match(text, @"https?://[^/\s]+(/en/account/reset-password\?\S+)").Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        await Task.Delay(200);

        var information = factory.Logs.Lines.Where(l => l.Level == LogLevel.Information).ToList();
        Assert.Contains(information, l => l.Message.StartsWith("Outbox batch:", StringComparison.Ordinal));
        Assert.Contains(information, l => l.Message.Contains("/en/account/reset-password?userId=", StringComparison.Ordinal));
        // Raw, or escaped as a URL prints it.
        string[] forms = [email, Uri.EscapeDataString(email)];
        bool Leaks(string? value) => value is not null && forms.Any(f => value.Contains(f, StringComparison.OrdinalIgnoreCase));
        var leaks = information.Where(l => Leaks(l.Message) || l.Scope.Values.Any(Leaks)).ToList();
        Assert.True(leaks.Count == 0, "Email address logged at Information:\n" + string.Join("\n", leaks.Select(l => $"{l.Category}: {l.Message}")));
    }
}
