using System.Globalization;
using System.Runtime.CompilerServices;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>Reads the audit log: filtered pages for the admin page, and the whole filtered set for the CSV export.</summary>
public sealed class AuditLog(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> CsvHeader =
        ["id", "at_utc", "user_name", "user_id", "action", "entity_type", "entity_id", "from", "to", "reason", "details"];

    private IQueryable<AuditEntry> Query(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var user = f.User.Trim();
            q = q.Where(a => a.UserId == user || (a.UserName != null && a.UserName.Contains(user)));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId.Trim());
        // The page refuses dates out of range; a caller that did not is answered as if the bound were absent.
        if (f.From is { } from && AuditFilter.InRange(from))
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(a => a.At >= start);
        }
        if (f.To is { } to && AuditFilter.InRange(to))
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(a => a.At < end);
        }
        return q;
    }

    /// <summary>Newest first (by id: entries are appended, and ids never go back in time within one database).</summary>
    public async Task<AuditPage> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = Query(filter);
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(items, total, page, pageSize);
    }

    /// <summary>Every entry of the filter, newest first, read in batches so a large export does not sit in memory.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string?>> CsvRowsAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int batch = 500;
        long? before = null;
        while (true)
        {
            var q = Query(filter);
            if (before is { } b) q = q.Where(a => a.Id < b);
            var rows = await q.OrderByDescending(a => a.Id).Take(batch).ToListAsync(ct);
            foreach (var a in rows)
                yield return [a.Id.ToString(CultureInfo.InvariantCulture), a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    a.UserName, a.UserId, a.Action, a.EntityType, a.EntityId, a.FromState, a.ToState, a.Reason, a.Details];
            if (rows.Count < batch) yield break;
            before = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default) =>
        await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
}
