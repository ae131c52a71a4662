using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Outbox;

/// <summary>Carries out one kind of outbox message. Throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
