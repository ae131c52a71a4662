using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Data;

/// <summary>
/// A background loop that asks the database "did another node change this?" every <see cref="Interval"/>.
/// A failed check (the database briefly away) is logged and tried again on the next tick; the process keeps
/// serving what it loaded. A zero interval turns polling off (one node, or tests that drive checks themselves).
/// </summary>
public abstract class DatabasePoller(ILogger log) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is checked, for the warning when a check fails ("the glossary").</summary>
    protected abstract string Subject { get; }

    protected abstract Task CheckAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await CheckAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Checking {Subject} for changes failed; keeping what is loaded until the next check.", Subject);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
