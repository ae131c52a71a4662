using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

/// <summary>
/// Keeps SQLite's query planner informed as the catalogue grows. Without statistics it takes any equality
/// for selective: "Status = 'Published' AND Id IN (…twenty ids…)" then walks the status index over every
/// published listing (0.35 s at 100,000) instead of looking up twenty primary keys. <c>ANALYZE</c> with
/// <c>analysis_limit</c> samples a bounded number of rows per index (0.2 s at 100,000 listings), so it is cheap
/// to run at start and every few hours (<see cref="SqliteOptimizerOptions.Interval"/>).
/// </summary>
public sealed class SqliteOptimizer(IServiceScopeFactory scopes, IOptions<SqliteOptimizerOptions> options, TimeProvider clock,
    ILogger<SqliteOptimizer> log) : PeriodicJob(log, clock)
{
    protected override TimeSpan Interval => options.Value.Interval;
    // A failed run leaves the planner with the statistics it had.
    protected override string Subject => "Refreshing SQLite's planner statistics (ANALYZE)";

    protected override Task RunOnceAsync(CancellationToken ct) => OptimizeAsync(scopes, ct);

    public static async Task OptimizeAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; ANALYZE;", ct);
    }
}
