using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Search.Lucene;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Search;

/// <summary>Runs a rebuild asked for by `reindex` in the process whose dispatcher claims it — the index owner.</summary>
public sealed class SearchRebuildOutboxHandler(SearchIndexer indexer, ILogger<SearchRebuildOutboxHandler> log) : IOutboxHandler
{
    public string Kind => SearchRebuildRouting.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = message.ReadPayload<SearchRebuildRequest>();
        var report = await indexer.RebuildAsync(cancellationToken);
        log.LogInformation("Search index rebuilt on request of {RequestedBy} at {RequestedAt}: {Opportunities} opportunities, {Investors} investors in {Elapsed}.",
            request.RequestedBy, request.RequestedAt, report.Opportunities, report.Investors, report.Elapsed);
    }
}
