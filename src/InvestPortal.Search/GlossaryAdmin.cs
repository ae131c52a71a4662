using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

/// <summary>
/// Admin edits of the glossary. Each change is saved together with its audit entry and a "glossary-changed" outbox
/// message in one SaveChanges, so a change is never left without its re-indexing (see GlossaryChangedOutboxHandler).
/// </summary>
public sealed class GlossaryAdmin(PortalDbContext db, PortalTaxonomy taxonomy, TimeProvider time)
{
    public const string OutboxKind = "glossary-changed";
    public const string AuditEntityType = "GlossaryConcept";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable zh/ru in the audit log
    };

    /// <summary>
    /// Concepts whose id or any term contains <paramref name="query"/> (ignoring case), exact hits first, then by id.
    /// Filtered in memory: the glossary is a few thousand rows at most, and SQLite's lower() folds only ASCII.
    /// </summary>
    public async Task<GlossaryListPage> SearchAsync(string? query, int page, int pageSize, CancellationToken ct = default)
    {
        var all = await db.GlossaryConcepts.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var q = query?.Trim().ToLowerInvariant() ?? "";
        IEnumerable<GlossaryEntry> hits = all;
        if (q.Length > 0)
        {
            var compact = string.Concat(q.Where(c => !char.IsWhiteSpace(c)));
            IEnumerable<string> Texts(GlossaryEntry e) =>
                e.Zh.Select(t => string.Concat(t.Where(c => !char.IsWhiteSpace(c)))).Concat(e.Ru).Concat(e.En).Append(e.Id).Select(t => t.ToLowerInvariant());
            hits = all.Where(e => Texts(e).Any(t => t.Contains(q, StringComparison.Ordinal) || t.Contains(compact, StringComparison.Ordinal)))
                .OrderBy(e => Texts(e).Any(t => t == q || t == compact) ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal);
        }
        var list = hits.ToList();
        var pageCount = Math.Max(1, (list.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new GlossaryListPage(list.Count, page, pageSize, list.Skip((page - 1) * pageSize).Take(pageSize).ToList());
    }

    public Task<GlossaryEntry?> FindAsync(string id, CancellationToken ct = default) =>
        db.GlossaryConcepts.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>
    /// Adds (<paramref name="originalId"/> null) or updates a concept. <paramref name="expectedUpdatedAt"/> is the version
    /// the admin's form showed: an update made by someone else meanwhile is refused instead of silently overwritten.
    /// Returns the problems; empty means saved.
    /// </summary>
    public async Task<IReadOnlyList<GlossaryProblem>> SaveAsync(GlossaryConcept draft, string? originalId, DateTimeOffset? expectedUpdatedAt,
        Actor actor, CancellationToken ct = default)
    {
        var all = await db.GlossaryConcepts.AsNoTracking().ToListAsync(ct);
        var problems = GlossaryRules.Validate(draft, all.Select(e => e.ToConcept()), originalId, taxonomy.Sectors.Select(s => s.Code).ToList());
        if (problems.Count > 0) return problems;

        var at = NextUpdatedAt(all);
        GlossaryEntry entry;
        object? before = null;
        if (originalId is null)
        {
            entry = GlossaryEntry.From(draft, at, actor.UserName);
            db.GlossaryConcepts.Add(entry);
        }
        else
        {
            var found = await db.GlossaryConcepts.FirstOrDefaultAsync(e => e.Id == originalId, ct);
            if (found is null) return [new("", "NotFound", originalId)];
            if (expectedUpdatedAt is { } expected && found.UpdatedAt != expected) return [new("", "Stale", originalId)];
            before = Describe(found.ToConcept());
            (found.Sector, found.Zh, found.Ru, found.En) = (draft.Sector, [.. draft.Zh], [.. draft.Ru], [.. draft.En]);
            (found.UpdatedAt, found.UpdatedBy) = (at, actor.UserName);
            entry = found;
        }
        var action = originalId is null ? "create" : "update";
        db.Audit($"glossary.{action}", AuditEntityType, entry.Id, actor.UserName, Details(before, Describe(draft)), userId: actor.UserId);
        Enqueue(entry.Id, action);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (originalId is null)
        {
            // Another admin added the same id between our check and our insert; the key refused the second.
            db.ChangeTracker.Clear();
            return [new(GlossaryRules.IdField, "IdTaken", draft.Id)];
        }
        return [];
    }

    /// <summary>Deletes a concept; false when it no longer exists.</summary>
    public async Task<bool> DeleteAsync(string id, Actor actor, CancellationToken ct = default)
    {
        var found = await db.GlossaryConcepts.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (found is null) return false;
        db.GlossaryConcepts.Remove(found);
        db.Audit("glossary.delete", AuditEntityType, id, actor.UserName, Details(Describe(found.ToConcept()), null), userId: actor.UserId);
        Enqueue(id, "delete");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private void Enqueue(string id, string action) =>
        db.Enqueue(OutboxKind, new GlossaryChange(id, action), $"glossary:{id}:{Guid.NewGuid():N}");

    /// <summary>
    /// Now, but always after the newest stored edit (in whole microseconds, PostgreSQL's precision), so a node whose
    /// clock runs behind still moves the stamp other nodes poll.
    /// </summary>
    private DateTimeOffset NextUpdatedAt(List<GlossaryEntry> all)
    {
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        var newest = all.Count == 0 ? (DateTimeOffset?)null : all.Max(e => e.UpdatedAt);
        return newest is { } n && at <= n ? n.AddTicks(10) : at;
    }

    private static object Describe(GlossaryConcept c) => new { c.Id, c.Sector, c.Zh, c.Ru, c.En };

    private static string Details(object? before, object? after) => JsonSerializer.Serialize(new { before, after }, Json);
}
