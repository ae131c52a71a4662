using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Administration;

/// <summary>Carries out <see cref="TaxonomyLabelAdmin.OutboxKind"/>: reloads the overrides here, then rebuilds the index.</summary>
public sealed class TaxonomyLabelsChangedHandler(TaxonomyLabelStore store, SearchIndexer indexer, ILogger<TaxonomyLabelsChangedHandler> log) : IOutboxHandler
{
    public string Kind => TaxonomyLabelAdmin.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var change = message.ReadPayload<TaxonomyLabelChange>();
        await store.ReloadAsync(cancellationToken);
        var report = await indexer.RebuildAsync(cancellationToken);
        log.LogInformation("Taxonomy label of {Kind} {Code} changed: index rebuilt ({Opportunities} opportunities) in {Elapsed}.",
            change.Kind, change.Code, report.Opportunities, report.Elapsed);
    }
}
