using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.Testing;

/// <summary>What every test that receives real SMTP needs: a free port and the received data read back as MIME.</summary>
public static class TestSmtp
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The message as sent. netDumbster keeps SMTP's dot-stuffing (RFC 5321 §4.5.2: a line starting
    /// with "." travels as ".."), which a real server removes, so it is removed here.
    /// </summary>
    public static MimeMessage Parse(SmtpMessage received)
    {
        var data = string.Join("\r\n", received.Data.Split("\r\n").Select(l => l.StartsWith("..", StringComparison.Ordinal) ? l[1..] : l));
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>
    /// What the server has received so far. netDumbster copies its list without a lock, so a copy taken
    /// while a message arrives can throw; it is simply taken again.
    /// </summary>
    public static IReadOnlyList<SmtpMessage> Received(this SimpleSmtpServer server)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return server.ReceivedEmail; }
            catch (Exception e) when (attempt < 50 && e is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
            {
                Thread.Sleep(5);
            }
        }
    }
}
