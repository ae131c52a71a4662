using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>
/// Carries out <see cref="OutboxKinds.Index"/> messages: reads the current state of the ids and (re)indexes or deletes
/// them — unless a rebuild running in this process reads them anyway (<see cref="SearchRebuildCoordinator"/>). When the
/// pending messages add up to a large share of the catalogue (<see cref="SearchOptions.RebuildForBacklogOf"/>), it runs
/// one rebuild instead, which covers this message and every other pending one.
/// </summary>
public sealed class SearchIndexOutboxHandler(SearchIndexer indexer, SearchRebuildCoordinator coordinator, IndexBacklog backlog,
    IOptions<SearchOptions> options, ILogger<SearchIndexOutboxHandler> log) : IOutboxHandler
{
    public string Kind => OutboxKinds.Index;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await coordinator.IsCoveredByRebuildAsync(message.Id, cancellationToken)) return;
        if (await backlog.CallsForRebuildAsync(options.Value.RebuildForBacklogOf, cancellationToken))
        {
            // Not bound to the handler's deadline: cancelled, the rebuild would put the backlog back and be asked again.
            var report = await indexer.RebuildAsync(CancellationToken.None);
            log.LogInformation("Rebuilt the search index for a backlog of index messages: {Opportunities} opportunities, {Investors} investors in {Elapsed}.",
                report.Opportunities, report.Investors, report.Elapsed);
            return;
        }
        await indexer.IndexAsync(message.ReadPayload<IndexRequest>(), cancellationToken);
    }
}
