using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Email;

/// <summary>
/// The one way features send email: <see cref="QueueAsync"/> renders the email and adds it to the
/// caller's unit of work; the caller's SaveChanges commits it with the change that caused it.
/// </summary>
/// <remarks>
/// Rendered at enqueue time: the email describes the event as it was (a later edit of the
/// opportunity does not rewrite an approval email already queued), a broken template or missing
/// value fails the request that caused it, where it is seen, instead of a dead letter hours later,
/// and every retry sends identical bytes under the same Message-Id.
/// </remarks>
public sealed class Notifier(EmailComposer composer)
{
    /// <summary>
    /// Queues the email unless the recipient switched its topic off (non-essential only). Returns the
    /// outbox message, the one already queued under the same key, or null when suppressed.
    /// </summary>
    public async Task<OutboxMessage?> QueueAsync(PortalDbContext db, EmailRequest request, CancellationToken ct = default)
    {
        var existing = FindTracked(db, request.IdempotencyKey)
            ?? await db.OutboxMessages.FirstOrDefaultAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct);
        if (existing is not null) return existing; // the unique key would otherwise fail the caller's whole SaveChanges

        if (!request.IsEssential)
        {
            var subscriber = NotificationPreferences.SubscriberFor(request.UserId, request.ToAddress);
            if (!await NotificationPreferences.IsEnabledAsync(db, subscriber, EmailTemplates.TopicOf(request.Template), ct)) return null;
        }
        return db.Enqueue(OutboxKinds.Email, composer.Compose(request), request.IdempotencyKey);
    }

    // DbSet.Local runs DetectChanges over every tracked entity; queuing many emails in one unit of
    // work would turn quadratic. Added messages are in Local without it.
    private static OutboxMessage? FindTracked(PortalDbContext db, string key)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.OutboxMessages.Local.FirstOrDefault(m => m.IdempotencyKey == key);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
