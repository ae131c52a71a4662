using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Telemetry;
using InvestPortal.Data;
using InvestPortal.Notifications.Options;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Notifications.Transport;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InvestPortal.Notifications.Email;

/// <summary>Handles outbox messages of kind "email": builds the MIME message and hands it to the configured transport.</summary>
public sealed class EmailOutboxHandler(IMailTransport transport, IOptionsMonitor<MailOptions> options) : IOutboxHandler, IOutboxBatchAware
{
    public string Kind => OutboxKinds.Email;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await transport.SendAsync(Build(message.ReadPayload<EmailPayload>(), options.CurrentValue.From, message.CreatedAt), cancellationToken);
        // Counted after the transport accepted it, tagged only by transport (never an address).
        PortalTelemetry.EmailsSent.Add(1, new KeyValuePair<string, object?>(PortalTelemetry.Tags.Transport, transport.Name));
    }

    public Task BatchCompletedAsync(CancellationToken cancellationToken) => transport.EndBatchAsync(cancellationToken);

    /// <summary>The MIME message: same bytes on every attempt (Date is the enqueue time), HTML and text alternatives.</summary>
    public static MimeMessage Build(EmailPayload payload, string from, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = payload.Subject,
            MessageId = payload.MessageId,
            Date = date,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(payload.ToName ?? "", payload.ToAddress));
        // Tells auto-responders not to answer (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (payload.UnsubscribeUrl is { } url)
        {
            // RFC 2369 + RFC 8058: mail clients show an "unsubscribe" button that POSTs to the URL.
            message.Headers.Add("List-Unsubscribe", $"<{url}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = payload.Text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = payload.Html },
        };
        // A Content-* header describes the body entity (RFC 3282), so MimeKit keeps it there.
        body.Headers.Add(HeaderId.ContentLanguage, Cultures.HtmlLang(payload.Culture));
        message.Body = body;
        return message;
    }
}
