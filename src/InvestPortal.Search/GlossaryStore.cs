using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Search;

/// <summary>
/// The glossary that search uses, loaded from the database (its source of truth) and kept in memory as an immutable
/// <see cref="GlossaryModel"/>. The process that carries out a "glossary-changed" message reloads it at once
/// (<see cref="ReloadAsync"/>); every other node notices the change through <see cref="RefreshIfChangedAsync"/>,
/// which <see cref="GlossaryRefresher"/> calls every few seconds.
/// </summary>
public sealed class GlossaryStore(IServiceScopeFactory scopes, ILogger<GlossaryStore> log) : IDisposable
{
    private sealed record Snapshot(GlossaryModel Glossary, GlossaryStamp Stamp);

    private readonly Lock _firstLoad = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The current glossary; the first call loads it (synchronously: SearchSemantics asks for it synchronously).</summary>
    public GlossaryModel Current
    {
        get
        {
            if (_current is { } loaded) return loaded.Glossary;
            lock (_firstLoad)
            {
                return (_current ??= LoadAsync(CancellationToken.None).GetAwaiter().GetResult()).Glossary;
            }
        }
    }

    /// <summary>The version <see cref="Current"/> was loaded from, or null before the first load.</summary>
    public GlossaryStamp? Stamp => _current?.Stamp;

    /// <summary>Reads the glossary from the database now and makes it current.</summary>
    public async Task<GlossaryStamp> ReloadAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            var snapshot = await LoadAsync(ct);
            _current = snapshot;
            return snapshot.Stamp;
        }
        finally { _reload.Release(); }
    }

    /// <summary>Reloads when the stored glossary differs from the loaded one; true when it did.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken ct = default)
    {
        if (_current is null) return false; // nothing loaded yet: the first use will read the newest anyway
        await using var scope = scopes.CreateAsyncScope();
        var stored = await ReadStampAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), ct);
        if (stored == _current?.Stamp) return false;
        var now = await ReloadAsync(ct);
        log.LogInformation("Glossary changed in the database; reloaded {Count} concepts.", now.Count);
        return true;
    }

    /// <summary>The stored glossary's version, without loading it.</summary>
    public static async Task<GlossaryStamp> ReadStampAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var count = await db.GlossaryConcepts.CountAsync(ct);
        // ORDER BY + LIMIT instead of MAX: it uses the index on both providers, and SQLite stores ticks via a converter.
        var newest = await db.GlossaryConcepts.OrderByDescending(e => e.UpdatedAt)
            .Select(e => (DateTimeOffset?)e.UpdatedAt).FirstOrDefaultAsync(ct);
        return new GlossaryStamp(count, newest);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.GlossaryConcepts.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        // The stamp comes from the rows themselves, so the glossary and its version always agree.
        var stamp = new GlossaryStamp(rows.Count, rows.Count == 0 ? null : rows.Max(e => e.UpdatedAt));
        return new Snapshot(new GlossaryModel(rows.Select(e => e.ToConcept())), stamp);
    }

    /// <summary>The stamp the index was last rebuilt for in this process; a later message for the same version skips its rebuild.</summary>
    internal GlossaryStamp? RebuiltFor { get; set; }

    private readonly SemaphoreSlim _rebuild = new(1, 1);

    /// <summary>
    /// Rebuilds this process's index for the current glossary unless that version was already rebuilt here. One at a
    /// time: the outbox handler and <see cref="GlossaryRefresher"/> (Lucene: every node rebuilds its own index) can
    /// both see the same edit, and the second then finds the work done. Null when nothing was rebuilt.
    /// </summary>
    internal async Task<RebuildReport?> RebuildIndexIfStaleAsync(CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            if (Stamp is not { } stamp || RebuiltFor == stamp) return null;
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(ct);
            RebuiltFor = stamp;
            return report;
        }
        finally { _rebuild.Release(); }
    }

    public void Dispose()
    {
        _reload.Dispose();
        _rebuild.Dispose();
    }
}
