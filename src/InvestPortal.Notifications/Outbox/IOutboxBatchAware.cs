namespace InvestPortal.Notifications.Outbox;

/// <summary>
/// Optional for an <see cref="Core.Outbox.IOutboxHandler"/>: told when a dispatch pass ends, so a
/// handler that keeps a connection open across a batch (SMTP) closes it instead of idling on it.
/// </summary>
public interface IOutboxBatchAware
{
    Task BatchCompletedAsync(CancellationToken cancellationToken);
}
