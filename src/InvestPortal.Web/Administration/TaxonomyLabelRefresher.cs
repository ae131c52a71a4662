using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Loads the overrides before the portal serves its first page, then polls for other nodes' edits.</summary>
public sealed class TaxonomyLabelRefresher(TaxonomyLabelStore store, IOptions<TaxonomyOptions> options, ILogger<TaxonomyLabelRefresher> log)
    : DatabasePoller(log)
{
    protected override TimeSpan Interval => options.Value.LabelRefreshInterval;
    protected override string Subject => "taxonomy label overrides";
    protected override Task CheckAsync(CancellationToken ct) => store.RefreshIfChangedAsync(ct);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await store.ReloadAsync(cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that is not migrated yet (a command run) or down: the file's labels still work.
            log.LogWarning(ex, "Loading taxonomy label overrides failed; showing the labels of taxonomy.json until the next check.");
        }
        await base.StartAsync(cancellationToken);
    }
}
