using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Admin edits of taxonomy labels: the override rows, their audit entry and a "taxonomy-labels-changed" outbox message
/// are saved together; the handler rebuilds the search index so indexed label text follows the new wording.
/// </summary>
public sealed class TaxonomyLabelAdmin(PortalDbContext db, PortalTaxonomy taxonomy, TaxonomyLabelStore store, TimeProvider clock)
{
    public const string OutboxKind = "taxonomy-labels-changed";
    public const string AuditEntityType = "taxonomy";
    public const int MaxLabel = 200;

    public async Task<IReadOnlyList<TaxonomyLabel>> OverridesAsync(string kind, CancellationToken ct = default) =>
        await db.TaxonomyLabels.AsNoTracking().Where(l => l.Kind == kind).ToListAsync(ct);

    /// <summary>
    /// Sets the labels of one code: a blank or file-equal label removes the override. False when the kind or code is unknown.
    /// </summary>
    public async Task<bool> SaveAsync(string kind, string code, IReadOnlyDictionary<string, string?> labels, Actor actor, CancellationToken ct = default)
    {
        if (!PortalTaxonomy.KindGroups.TryGetValue(kind, out var group) || taxonomy.Group(group).All(t => t.Code != code)) return false;
        var existing = await db.TaxonomyLabels.Where(l => l.Kind == kind && l.Code == code).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var changes = new List<string>();
        foreach (var culture in Cultures.All)
        {
            var wanted = labels.GetValueOrDefault(culture)?.Trim();
            var fileLabel = taxonomy.FileLabel(group, code, culture);
            if (string.IsNullOrEmpty(wanted) || wanted == fileLabel) wanted = null;
            var row = existing.FirstOrDefault(l => l.Culture == culture);
            if (row?.Label == wanted) continue;
            if (wanted is null) db.TaxonomyLabels.Remove(row!);
            else if (row is null) db.TaxonomyLabels.Add(new TaxonomyLabel { Kind = kind, Code = code, Culture = culture, Label = wanted, UpdatedAt = now });
            else (row.Label, row.UpdatedAt) = (wanted, now);
            changes.Add($"{culture}: {row?.Label ?? fileLabel} → {wanted ?? fileLabel}");
        }
        if (changes.Count == 0) return true;
        db.Audit("taxonomy.label", AuditEntityType, $"{kind}:{code}", actor.UserName, details: string.Join("; ", changes), userId: actor.UserId);
        db.Enqueue(OutboxKind, new TaxonomyLabelChange(kind, code), $"taxonomy:{kind}:{code}:{Guid.NewGuid():N}");
        await db.SaveChangesAsync(ct);
        // This node shows the new wording at once; the outbox handler re-indexes (and reloads again, harmlessly).
        await store.ReloadAsync(ct);
        return true;
    }
}
