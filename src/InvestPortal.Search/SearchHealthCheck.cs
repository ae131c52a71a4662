using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvestPortal.Search;

/// <summary>"search" on /health: engine reachable, index complete, document counts and index lag (pending index messages in the outbox).</summary>
public sealed class SearchHealthCheck(ISearchEngine engine, PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        SearchHealth health;
        try { health = await engine.GetHealthAsync(cancellationToken); }
        catch (Exception ex) { return HealthCheckResult.Unhealthy($"{engine.Name}: {ex.Message}", ex); }
        var data = new Dictionary<string, object>
        {
            ["engine"] = health.Engine,
            ["opportunities"] = health.Opportunities,
            ["investors"] = health.Investors,
            ["savedSearches"] = health.SavedSearches,
            ["needsRebuild"] = health.NeedsRebuild,
        };
        try
        {
            var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Index && m.Status == OutboxStatus.Pending);
            data["pendingIndexMessages"] = await pending.CountAsync(cancellationToken);
            var oldest = await pending.Select(m => (DateTimeOffset?)m.CreatedAt).Take(5000).ToListAsync(cancellationToken);
            if (oldest.Count > 0 && oldest.Min() is { } first)
                data["indexLagSeconds"] = Math.Max(0, Math.Round((DateTimeOffset.UtcNow - first).TotalSeconds));
        }
        catch (Exception ex) { data["indexLag"] = $"unknown: {ex.Message}"; }

        if (!health.Available) return HealthCheckResult.Unhealthy(health.Message ?? "search unavailable", data: data);
        if (health.NeedsRebuild) return HealthCheckResult.Degraded(health.Message ?? "index rebuild needed", data: data);
        return HealthCheckResult.Healthy($"{health.Engine}: {health.Opportunities} opportunities, {health.Investors} investors", data);
    }
}
