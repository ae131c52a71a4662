using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Outbox;

public static class OutboxKinds
{
    /// <summary>Payload: <c>EmailMessage</c> (Notifications).</summary>
    public const string Email = "email";
    /// <summary>Payload: <see cref="IndexRequest"/>.</summary>
    public const string Index = "index";
}
