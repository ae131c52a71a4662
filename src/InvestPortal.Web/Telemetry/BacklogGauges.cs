using System.Diagnostics.Metrics;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Telemetry;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Telemetry;

/// <summary>
/// Observable gauges of the outbox (pending, dead, age of the oldest pending message) and the search index lag
/// (age of the oldest pending index message). A scrape must stay cheap however often it comes and however many
/// exporters read: the database is asked at most once per OpenTelemetry:GaugeRefreshInterval (three indexed
/// queries), and every read in between returns that snapshot. The meter comes from the host's IMeterFactory, so
/// it ends with the host.
/// </summary>
public sealed class BacklogGauges
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly TimeSpan refresh;
    private readonly ILogger<BacklogGauges> log;
    private readonly Lock gate = new();
    private Snapshot? last;
    private DateTimeOffset lastAt = DateTimeOffset.MinValue;

    public BacklogGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<BacklogGauges> log)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.log = log;
        refresh = options.Value.GaugeRefreshInterval;
        var meter = meters.Create(PortalTelemetry.Name);
        meter.CreateObservableGauge("investportal.outbox.pending", () => Read(s => s.Pending), "{message}", "Outbox messages waiting to be sent (including those waiting for a retry).");
        meter.CreateObservableGauge("investportal.outbox.dead", () => Read(s => s.Dead), "{message}", "Outbox messages that failed every attempt and wait for an admin.");
        meter.CreateObservableGauge("investportal.outbox.oldest_pending_age", () => Read(s => s.OldestPendingSeconds), "s", "Age of the oldest pending outbox message (0 when none).");
        meter.CreateObservableGauge("investportal.search.index_lag", () => Read(s => s.IndexLagSeconds), "s", "Age of the oldest pending search-index message: how far the index is behind the database (0 when caught up).");
    }

    private sealed record Snapshot(long Pending, long Dead, double OldestPendingSeconds, double IndexLagSeconds);

    private IEnumerable<Measurement<double>> Read(Func<Snapshot, double> pick)
    {
        var snapshot = Current();
        return snapshot is null ? [] : [new Measurement<double>(pick(snapshot))];
    }

    private Snapshot? Current()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - lastAt < refresh) return last;
            lastAt = now;
            try { last = Query(now); }
            catch (Exception ex)
            {
                // The database may be away; /health says so. A gauge without a value is better than a stale one.
                log.LogDebug(ex, "Reading the outbox gauges failed.");
                last = null;
            }
            return last;
        }
    }

    // Gauge callbacks are synchronous; these run at most once per refresh interval.
    private Snapshot Query(DateTimeOffset now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        var count = pending.Count();
        var dead = db.OutboxMessages.AsNoTracking().Count(m => m.Status == OutboxStatus.Dead);
        var oldest = count == 0 ? null : pending.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
        var oldestIndex = count == 0 ? null : pending.Where(m => m.Kind == OutboxKinds.Index)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
        return new Snapshot(count, dead, Age(now, oldest), Age(now, oldestIndex));
    }

    private static double Age(DateTimeOffset now, DateTimeOffset? since) =>
        since is { } s ? Math.Max(0, (now - s).TotalSeconds) : 0;
}
