using MimeKit;

namespace InvestPortal.Notifications.Transport;

/// <summary>Delivers finished messages: to a pickup folder or an SMTP server.</summary>
public interface IMailTransport
{
    /// <summary>"Pickup" or "Smtp", for the health report.</summary>
    string Name { get; }

    /// <summary>Delivers one message; throwing means "not delivered, try again later".</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Releases what was kept open for a batch (the SMTP connection).</summary>
    Task EndBatchAsync(CancellationToken cancellationToken);

    /// <summary>Can it deliver now? Returns a description of where to; throws when it cannot.</summary>
    Task<string> ProbeAsync(CancellationToken cancellationToken);
}
