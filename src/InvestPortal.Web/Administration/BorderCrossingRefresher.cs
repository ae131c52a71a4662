using InvestPortal.Data;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Applies the stored crossing corrections before the portal serves its first page, then polls for other nodes' corrections.</summary>
public sealed class BorderCrossingRefresher(BorderCrossingStore store, IOptions<CrossingOptions> options, ILogger<BorderCrossingRefresher> log)
    : DatabasePoller(log)
{
    protected override TimeSpan Interval => options.Value.CorrectionRefreshInterval;
    protected override string Subject => "border crossing corrections";
    protected override Task CheckAsync(CancellationToken ct) => store.RefreshIfChangedAsync(ct);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await store.ReloadAsync(cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that is not migrated yet (a command run) or down: the crossings of the file still work.
            log.LogWarning(ex, "Loading border crossing corrections failed; showing border-crossings.json until the next check.");
        }
        await base.StartAsync(cancellationToken);
    }
}
