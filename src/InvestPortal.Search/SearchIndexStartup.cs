using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>
/// At start, rebuilds the index from the database when the engine reports it missing, corrupt or incomplete. An engine
/// that does not answer yet (Elasticsearch still starting next to the portal) is asked again with a growing pause,
/// until it answers or the host stops: giving up at the first try left an empty index until someone ran reindex.
/// </summary>
public sealed class SearchIndexStartup(IServiceScopeFactory scopes, ISearchEngine engine, IOptions<SearchOptions> options,
    SearchRebuildCoordinator coordinator, ILogger<SearchIndexStartup> log) : BackgroundService
{
    /// <summary>The longest pause between two health checks while the engine is unavailable.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>1 s, 2 s, 4 s … up to <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempt, 16))));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RunAsync((delay, ct) => Task.Delay(delay, ct), stoppingToken);

    /// <summary>The start-up work; <paramref name="delay"/> is the pause between attempts (tests pass one that does not wait).</summary>
    public async Task RunAsync(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken stoppingToken)
    {
        // Index messages wait for this decision (a rebuild notes the ones it covers when it begins).
        if (!options.Value.RebuildOnStart)
        {
            coordinator.StartupDecided();
            return;
        }
        try
        {
            var health = await engine.GetHealthAsync(stoppingToken);
            // Unavailable but asking for a rebuild (an alias split over two indices) is answered by the rebuild itself.
            for (var attempt = 0; !health.Available && !health.NeedsRebuild; attempt++)
            {
                var wait = RetryDelay(attempt);
                log.LogWarning("Search engine {Engine} unavailable at start ({Reason}); asking again in {Delay}.", engine.Name, health.Message, wait);
                await delay(wait, stoppingToken);
                health = await engine.GetHealthAsync(stoppingToken);
            }
            if (!health.NeedsRebuild) return;
            log.LogWarning("Search index needs a rebuild ({Reason}); rebuilding from the database.", health.Message);
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(stoppingToken);
            log.LogInformation("Search index rebuilt at start: {Opportunities} opportunities, {Investors} investors in {Elapsed}.",
                report.Opportunities, report.Investors, report.Elapsed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex)
        {
            log.LogError(ex, "Rebuilding the search index at start failed; run the reindex command.");
        }
        finally { coordinator.StartupDecided(); }
    }
}
