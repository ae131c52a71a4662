using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Data;

public static class OutboxExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds a side effect to the current unit of work: it is saved (or rolled back) together with the
    /// change that caused it, and dispatched afterwards. The key makes enqueueing idempotent.
    /// </summary>
    public static OutboxMessage Enqueue<TPayload>(this PortalDbContext db, string kind, TPayload payload, string idempotencyKey)
    {
        var message = new OutboxMessage
        {
            Kind = kind,
            PayloadJson = JsonSerializer.Serialize(payload, Json),
            IdempotencyKey = idempotencyKey,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public static TPayload ReadPayload<TPayload>(this OutboxMessage message) =>
        JsonSerializer.Deserialize<TPayload>(message.PayloadJson, Json)
        ?? throw new InvalidDataException($"Outbox message {message.Id} has an empty payload.");

    public static AuditEntry Audit(this PortalDbContext db, string action, string entityType, string? entityId,
        string? userName, string? details = null, string? from = null, string? to = null, string? reason = null, string? userId = null)
    {
        var entry = new AuditEntry
        {
            Action = action, EntityType = entityType, EntityId = entityId, UserName = userName, UserId = userId,
            Details = details, FromState = from, ToState = to, Reason = reason,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
