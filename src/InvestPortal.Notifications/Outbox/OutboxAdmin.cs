using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Outbox;

/// <summary>What the admin outbox page shows and does. Retry and discard are audited.</summary>
public sealed class OutboxAdmin(PortalDbContext db, TimeProvider time)
{
    /// <summary>Messages of one status (all when null), newest first; <paramref name="page"/> starts at 1.</summary>
    public async Task<OutboxPage> ListAsync(OutboxStatus? status, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new OutboxPage(total, page, pageSize, rows.Select(ToItem).ToList());
    }

    /// <summary>How many messages each status has (every status present, zero included).</summary>
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<OutboxItem?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return row is null ? null : ToItem(row);
    }

    /// <summary>Dead (or discarded) → Pending with attempts reset, due now. False when the message is missing or not in such a state.</summary>
    public async Task<bool> RetryAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status is not (OutboxStatus.Dead or OutboxStatus.Discarded)) return false;
        var from = message.Status;
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.AvailableAt = time.GetUtcNow();
        message.LockedBy = null;
        message.LockedUntil = null;
        db.Audit("outbox.retry", nameof(OutboxMessage), id.ToString(), actor.UserName, details: message.IdempotencyKey,
            from: from.ToString(), to: nameof(OutboxStatus.Pending), reason: message.LastError, userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Pending or Dead → Discarded: it will never be sent. False when missing or already sent/discarded.</summary>
    public async Task<bool> DiscardAsync(Guid id, Actor actor, string? reason = null, CancellationToken ct = default)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status is not (OutboxStatus.Pending or OutboxStatus.Dead)) return false;
        var from = message.Status;
        message.Status = OutboxStatus.Discarded;
        message.LockedBy = null;
        message.LockedUntil = null;
        db.Audit("outbox.discard", nameof(OutboxMessage), id.ToString(), actor.UserName, details: message.IdempotencyKey,
            from: from.ToString(), to: nameof(OutboxStatus.Discarded), reason: reason, userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static OutboxItem ToItem(OutboxMessage m)
    {
        EmailPayload? email = null;
        if (m.Kind == OutboxKinds.Email)
        {
            // A payload the page can't read is still listed: the error column explains the rest.
            try { email = m.ReadPayload<EmailPayload>(); }
            catch (System.Text.Json.JsonException) { }
            catch (InvalidDataException) { }
        }
        return new OutboxItem(m.Id, m.Kind, m.IdempotencyKey, m.Status, m.Attempts, m.CreatedAt, m.AvailableAt, m.SentAt,
            m.LastError, m.LockedBy, m.LockedUntil, email?.ToAddress, email?.Subject, email?.Template);
    }
}
