using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Search;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Carries out <see cref="CrossingCorrectionAdmin.OutboxKind"/>, as <see cref="TaxonomyLabelsChangedHandler"/> does for
/// labels: reloads the corrections in this process (it may not be the node that saved them), then rebuilds the index,
/// since every listing's nearest-crossing distance, bands and nearby crossings are indexed.
/// </summary>
public sealed class BorderCrossingsChangedHandler(BorderCrossingStore store, SearchIndexer indexer, ILogger<BorderCrossingsChangedHandler> log) : IOutboxHandler
{
    public string Kind => CrossingCorrectionAdmin.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var change = message.ReadPayload<CrossingChange>();
        await store.ReloadAsync(cancellationToken);
        var report = await indexer.RebuildAsync(cancellationToken);
        log.LogInformation("Border crossing {Code} moved ({Action}): index rebuilt ({Opportunities} opportunities) in {Elapsed}.",
            change.Code, change.Action, report.Opportunities, report.Elapsed);
    }
}
