using System.Net.Sockets;
using InvestPortal.Notifications.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InvestPortal.Notifications.Transport;

/// <summary>
/// Sends through MailKit. One connection is opened on the first message of a batch and reused
/// for the rest (connect, TLS and AUTH cost more than a message), then closed at the batch's end.
/// </summary>
public sealed class SmtpMailTransport(IOptionsMonitor<MailOptions> options, ILogger<SmtpMailTransport> log) : IMailTransport, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SmtpClient? client;

    public string Name => "Smtp";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var smtp = client is { IsConnected: true } ? client : await ConnectAsync(cancellationToken);
            try
            {
                await smtp.SendAsync(message, cancellationToken);
            }
            catch
            {
                // The connection's state is unknown after a failure: never reuse it.
                await DropAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task EndBatchAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (client is { IsConnected: true })
            {
                try { await client.DisconnectAsync(quit: true, cancellationToken); }
                catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
                {
                    log.LogDebug(ex, "SMTP QUIT failed; the connection is dropped anyway.");
                }
            }
            await DropAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        using var probe = await OpenAsync(cancellationToken);
        await probe.DisconnectAsync(quit: true, cancellationToken);
        return $"SMTP {smtp.Host}:{smtp.Port} ({smtp.Security})";
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        await DropAsync();
        client = await OpenAsync(ct);
        return client;
    }

    private async Task<SmtpClient> OpenAsync(CancellationToken ct)
    {
        var smtp = options.CurrentValue.Smtp;
        var created = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var host = smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set.");
            await created.ConnectAsync(await ConnectSocketAsync(host, smtp, ct), host, smtp.Port, Map(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.Username)) await created.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    /// <summary>
    /// MailKit would open the socket itself, but with Nagle's algorithm on: each small SMTP write then
    /// waits for the server's delayed ACK, several times per message (measured: 6× slower to a local
    /// server). MailKit owns and closes the socket from here on.
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(string host, SmtpOptions smtp, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
            await socket.ConnectAsync(host, smtp.Port, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private Task DropAsync()
    {
        client?.Dispose();
        client = null;
        return Task.CompletedTask;
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    public void Dispose()
    {
        client?.Dispose();
        gate.Dispose();
    }
}
