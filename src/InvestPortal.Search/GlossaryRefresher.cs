using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Search;

/// <summary>Polls the database for glossary edits made on other nodes (see <see cref="GlossaryStore.RefreshIfChangedAsync"/>).</summary>
/// With the Lucene engine every node has its own index, so a node that sees a new glossary also rebuilds its own index
/// (at most once per glossary version, shared with the outbox handler on the node that claims the message).
public sealed class GlossaryRefresher(GlossaryStore store, IOptions<SearchOptions> options, ILogger<GlossaryRefresher> log) : DatabasePoller(log)
{
    protected override TimeSpan Interval => options.Value.GlossaryRefreshInterval;
    protected override string Subject => "the glossary";

    protected override async Task CheckAsync(CancellationToken ct)
    {
        if (await store.RefreshIfChangedAsync(ct) && options.Value.Engine == SearchEngineKind.Lucene
            && await store.RebuildIndexIfStaleAsync(ct) is { } report)
            log.LogInformation("Glossary changed: rebuilt this node's Lucene index ({Opportunities} opportunities, {Investors} investors) in {Elapsed}.",
                report.Opportunities, report.Investors, report.Elapsed);
    }
}
