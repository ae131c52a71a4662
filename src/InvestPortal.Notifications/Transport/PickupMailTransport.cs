using InvestPortal.Data;
using MimeKit;

namespace InvestPortal.Notifications.Transport;

/// <summary>
/// Writes each message as {DataPath}/mail/{Message-Id}.eml: the embedded default, readable by any
/// mail client, and what tests and a fresh machine look at.
/// </summary>
public sealed class PickupMailTransport(PortalPaths paths) : IMailTransport
{
    public string Name => "Pickup";

    public string Folder => paths.MailPickup;

    public static string FileNameFor(string messageId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(messageId.Select(c => invalid.Contains(c) || c == '\\' || c == ':' ? '_' : c).ToArray()) + ".eml";
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.MessageId)) throw new ArgumentException("A message needs a Message-Id to be picked up once.", nameof(message));
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, FileNameFor(message.MessageId));
        // Written by an attempt whose success was never recorded (the process died after the move): done already.
        if (File.Exists(target)) return;

        // A reader never sees a half-written file: write beside it, flush to disk, then rename in one step.
        var temp = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temp, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another attempt got there first with the same bytes; one file is the point.
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task EndBatchAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var probe = Path.Combine(Folder, $".probe-{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(probe, "ok", cancellationToken);
        File.Delete(probe);
        return $"Pickup folder {Folder}";
    }
}
