using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

/// <summary>
/// Carries out <see cref="OutboxKinds.Index"/> messages: reads the current state of the ids and (re)indexes or deletes
/// them — unless a rebuild running in this process reads them anyway (<see cref="SearchRebuildCoordinator"/>).
/// </summary>
public sealed class SearchIndexOutboxHandler(SearchIndexer indexer, SearchRebuildCoordinator coordinator) : IOutboxHandler
{
    public string Kind => OutboxKinds.Index;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await coordinator.IsCoveredByRebuildAsync(message.Id, cancellationToken)) return;
        await indexer.IndexAsync(message.ReadPayload<IndexRequest>(), cancellationToken);
    }
}
