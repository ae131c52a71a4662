using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Data;

/// <summary>
/// Keeps SQLite's query planner informed as the catalogue grows. Without statistics it takes any equality
/// for selective: "Status = 'Published' AND Id IN (…twenty ids…)" then walks the status index over every
/// published listing (0.35 s at 100,000) instead of looking up twenty primary keys. <c>ANALYZE</c> with
/// <c>analysis_limit</c> samples a bounded number of rows per index (0.2 s at 100,000 listings), so it is cheap
/// to run at start and every few hours.
/// </summary>
public sealed class SqliteOptimizer(IServiceScopeFactory scopes, ILogger<SqliteOptimizer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try { await OptimizeAsync(scopes, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "PRAGMA optimize failed; the query planner keeps its current statistics.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public static async Task OptimizeAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; ANALYZE;", ct);
    }
}
