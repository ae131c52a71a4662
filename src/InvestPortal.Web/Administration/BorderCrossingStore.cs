using InvestPortal.Search;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Keeps the admins' crossing corrections (BorderCrossingCorrection rows) layered on the singleton
/// <see cref="BorderCrossings"/> that the map, the listing pages, the facets and the search document builder read. Loaded
/// at start, reloaded at once by the node that saved a correction, and by other nodes when their poll sees a different
/// stamp (row count and newest UpdatedAt), the same way as <see cref="TaxonomyLabelStore"/>.
/// </summary>
public sealed class BorderCrossingStore(IServiceScopeFactory scopes, BorderCrossings crossings, ILogger<BorderCrossingStore> log) : ISearchDocumentInputs, IDisposable
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
            var rows = await db.BorderCrossingCorrections.AsNoTracking().ToListAsync(ct);
            crossings.ApplyCorrections(Corrected(rows));
            _stamp = (rows.Count, rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt));
        }
        finally { _reload.Release(); }
    }

    /// <summary>Before a rebuild reads the catalogue: what another node saved, or what start-up has not loaded yet.</summary>
    Task ISearchDocumentInputs.RefreshAsync(CancellationToken ct) => RefreshIfChangedAsync(ct);

    /// <summary>Reloads when the stored corrections differ from the applied ones; true when it did.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var count = await db.BorderCrossingCorrections.CountAsync(ct);
        var newest = await db.BorderCrossingCorrections.OrderByDescending(c => c.UpdatedAt).Select(c => (DateTimeOffset?)c.UpdatedAt).FirstOrDefaultAsync(ct);
        if (_stamp == (count, newest)) return false;
        await ReloadAsync(ct);
        log.LogInformation("Border crossing corrections changed in the database; reloaded {Count}.", count);
        return true;
    }

    private IEnumerable<BorderCrossing> Corrected(IEnumerable<BorderCrossingCorrection> rows)
    {
        foreach (var row in rows)
        {
            // A crossing dropped from the file since, or a row written by hand that breaks the file's rules, is skipped
            // rather than shown: the admin page checks the same rules before saving.
            if (crossings.FileVersion(row.Code) is not { } file) continue;
            var corrected = row.ApplyTo(file);
            if (BorderCrossings.Problem(corrected) is { } problem)
            {
                log.LogWarning("Ignoring the stored correction of crossing {Code}: {Problem}.", row.Code, problem);
                continue;
            }
            yield return corrected;
        }
    }

    public void Dispose() => _reload.Dispose();
}
