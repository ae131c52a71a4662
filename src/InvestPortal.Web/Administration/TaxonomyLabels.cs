using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Payload of a <see cref="TaxonomyLabelAdmin.OutboxKind"/> message (for the log: the handler reloads everything).</summary>
public sealed record TaxonomyLabelChange(string Kind, string Code);

/// <summary>
/// Keeps the admins' label overrides (TaxonomyLabel rows) layered on the singleton <see cref="PortalTaxonomy"/> that every
/// page and the search document builder read labels from. Loaded at start, reloaded at once by the node that saved a
/// change, and by other nodes when their poll sees a different stamp (row count and newest UpdatedAt).
/// </summary>
public sealed class TaxonomyLabelStore(IServiceScopeFactory scopes, PortalTaxonomy taxonomy, ILogger<TaxonomyLabelStore> log) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private (int Count, DateTimeOffset? Newest)? _stamp;

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.TaxonomyLabels.AsNoTracking().ToListAsync(ct);
            taxonomy.ApplyOverrides(rows.Select(r => (r.Kind, r.Code, r.Culture, r.Label)));
            _stamp = (rows.Count, rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt));
        }
        finally { _reload.Release(); }
    }

    /// <summary>Reloads when the stored overrides differ from the applied ones; true when it did.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var count = await db.TaxonomyLabels.CountAsync(ct);
        var newest = await db.TaxonomyLabels.OrderByDescending(l => l.UpdatedAt).Select(l => (DateTimeOffset?)l.UpdatedAt).FirstOrDefaultAsync(ct);
        if (_stamp == (count, newest)) return false;
        await ReloadAsync(ct);
        log.LogInformation("Taxonomy label overrides changed in the database; reloaded {Count}.", count);
        return true;
    }

    public void Dispose() => _reload.Dispose();
}

/// <summary>Loads the overrides before the portal serves its first page, then polls for other nodes' edits.</summary>
public sealed class TaxonomyLabelRefresher(TaxonomyLabelStore store, IOptions<TaxonomyOptions> options, ILogger<TaxonomyLabelRefresher> log)
    : DatabasePoller(log)
{
    protected override TimeSpan Interval => options.Value.LabelRefreshInterval;
    protected override string Subject => "taxonomy label overrides";
    protected override Task CheckAsync(CancellationToken ct) => store.RefreshIfChangedAsync(ct);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await store.ReloadAsync(cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that is not migrated yet (a command run) or down: the file's labels still work.
            log.LogWarning(ex, "Loading taxonomy label overrides failed; showing the labels of taxonomy.json until the next check.");
        }
        await base.StartAsync(cancellationToken);
    }
}

/// <summary>Section "Taxonomy".</summary>
public sealed class TaxonomyOptions
{
    public const string Section = "Taxonomy";

    /// <summary>How often a node checks the database for label edits made on another node; zero turns polling off.</summary>
    public TimeSpan LabelRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

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

/// <summary>Carries out <see cref="TaxonomyLabelAdmin.OutboxKind"/>: reloads the overrides here, then rebuilds the index.</summary>
public sealed class TaxonomyLabelsChangedHandler(TaxonomyLabelStore store, SearchIndexer indexer, ILogger<TaxonomyLabelsChangedHandler> log) : IOutboxHandler
{
    public string Kind => TaxonomyLabelAdmin.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var change = message.ReadPayload<TaxonomyLabelChange>();
        await store.ReloadAsync(cancellationToken);
        var report = await indexer.RebuildAsync(cancellationToken);
        log.LogInformation("Taxonomy label of {Kind} {Code} changed: index rebuilt ({Opportunities} opportunities) in {Elapsed}.",
            change.Kind, change.Code, report.Opportunities, report.Elapsed);
    }
}
