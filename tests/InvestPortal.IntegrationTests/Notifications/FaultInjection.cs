using InvestPortal.Notifications.Transport;
using MimeKit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>
/// Stands for a dispatcher process that dies: the Nth message's send never returns (as if the
/// process froze or was killed mid-send, before anything reached the server). Everything else goes
/// through the real transport.
/// </summary>
public sealed class FreezingTransport(IMailTransport inner, int freezeOnMessage) : IMailTransport
{
    private readonly TaskCompletionSource frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource thaw = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;

    public string Name => inner.Name;

    /// <summary>Completes when the freeze happened.</summary>
    public Task Frozen => frozen.Task;

    /// <summary>Ends the frozen send with an error (the dead process's socket closing).</summary>
    public void Thaw() => thaw.TrySetException(new IOException("the process was killed"));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref count) == freezeOnMessage)
        {
            // The OS closes a killed process's sockets; the SMTP server must not wait on this one.
            await inner.EndBatchAsync(CancellationToken.None);
            frozen.TrySetResult();
            await thaw.Task; // deliberately deaf to cancellation: a dead process does not cooperate
        }
        await inner.SendAsync(message, cancellationToken);
    }

    public Task EndBatchAsync(CancellationToken cancellationToken) => inner.EndBatchAsync(cancellationToken);
    public Task<string> ProbeAsync(CancellationToken cancellationToken) => inner.ProbeAsync(cancellationToken);
}
