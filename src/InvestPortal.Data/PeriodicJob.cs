using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Data;

/// <summary>
/// The one shape of a background job that does something every <see cref="Interval"/> (expiry checks, digests, view
/// flushes, planner statistics): wait <see cref="InitialDelay"/>, run once if <see cref="RunAtStart"/>, then at every
/// tick. A failed run is logged and tried again at the next tick, so a database restart costs one interval, never the
/// job. Intervals come from each job's options section; a zero interval or <see cref="Enabled"/> false turns it off.
/// (<see cref="DatabasePoller"/> is the variant for "did another node change this?".)
/// </summary>
public abstract class PeriodicJob(ILogger log, TimeProvider clock) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Wait after start before the first run, so a starting node is not slowed by it.</summary>
    protected virtual TimeSpan InitialDelay => TimeSpan.Zero;

    /// <summary>Run once right after <see cref="InitialDelay"/>, or only at the first tick.</summary>
    protected virtual bool RunAtStart => true;

    protected virtual bool Enabled => true;

    /// <summary>Run once more at shutdown, for jobs that write what they summed in memory (view counts, zero-result searches).</summary>
    protected virtual bool RunAtStop => false;

    /// <summary>What the job does, for the log when a run fails ("listing expiry").</summary>
    protected abstract string Subject { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled || Interval <= TimeSpan.Zero) return;
        try
        {
            if (InitialDelay > TimeSpan.Zero) await Task.Delay(InitialDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            if (RunAtStart) await RunGuardedAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunGuardedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!RunAtStop) return;
        // The host's token may already be near its shutdown timeout; the last run gets its own few seconds.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await RunOnceAsync(last.Token);
    }

    private async Task RunGuardedAsync(CancellationToken ct)
    {
        try
        {
            await RunOnceAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is half-done by a failed run (each job's work is transactional or idempotent); the next tick retries.
            log.LogError(e, "{Subject} failed; trying again in {Interval}.", Subject, Interval);
        }
    }
}
