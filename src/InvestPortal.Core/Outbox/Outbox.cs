using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Outbox;

public static class OutboxKinds
{
    /// <summary>Payload: <c>EmailMessage</c> (Notifications).</summary>
    public const string Email = "email";
    /// <summary>Payload: <see cref="IndexRequest"/>.</summary>
    public const string Index = "index";
}

/// <summary>Carries out one kind of outbox message. Throwing means "try again later".</summary>
public interface IOutboxHandler
{
    string Kind { get; }
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Which documents to (re)index or remove; the handler reads their current state from the database.</summary>
public sealed record IndexRequest(IReadOnlyList<Guid> OpportunityIds, IReadOnlyList<Guid> InvestorProfileIds);
