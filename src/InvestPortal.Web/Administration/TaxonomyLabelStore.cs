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
/// Keeps the admins' label overrides (TaxonomyLabel rows) layered on the singleton <see cref="PortalTaxonomy"/> that every
/// page and the search document builder read labels from. Loaded at start, reloaded at once by the node that saved a
/// change, and by other nodes when their poll sees a different stamp (row count and newest UpdatedAt).
/// </summary>
public sealed class TaxonomyLabelStore(IServiceScopeFactory scopes, PortalTaxonomy taxonomy, ILogger<TaxonomyLabelStore> log) : ISearchDocumentInputs, IDisposable
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

    /// <summary>Before a rebuild reads the catalogue: what another node saved, or what start-up has not loaded yet.</summary>
    Task ISearchDocumentInputs.RefreshAsync(CancellationToken ct) => RefreshIfChangedAsync(ct);

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
