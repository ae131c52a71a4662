using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Search;
using InvestPortal.Search.Lucene;
using InvestPortal.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Search;

/// <summary>
/// `reindex` while the portal runs on the Lucene engine: the running process owns the index folder, so the command
/// queues the rebuild and the server's own dispatcher carries it out — the server then searches the rebuilt index.
/// </summary>
public abstract class ReindexCommandTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task Reindex_while_the_server_owns_the_index_is_queued_and_carried_out_by_the_server()
    {
        var engine = factory.Services.GetRequiredService<ISearchEngine>();
        Assert.True(LuceneSearchEngine.IsIndexInUse(Path.Combine(factory.DataPath, "index")));

        // A title changed behind the outbox's back: only a rebuild brings it into the index.
        var word = "Zeppelinwerft" + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.WithDbAsync(async db =>
        {
            var t = await db.Set<OpportunityTranslation>()
                .Where(t => t.Culture == "en" && db.Opportunities.Any(o => o.Id == t.OpportunityId && o.Status == OpportunityStatus.Published))
                .OrderBy(t => t.OpportunityId).FirstAsync();
            t.Title += " " + word;
            await db.SaveChangesAsync();
            return t.OpportunityId;
        });
        Assert.Equal(0, (await engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = word })).Total);

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await PortalCommands.RunAsync(factory.Services, ["reindex"], output, error));
        Assert.Contains("queued the rebuild", output.ToString(), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        OutboxStatus status;
        do
        {
            await Task.Delay(200);
            status = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .Where(m => m.Kind == SearchRebuildRouting.OutboxKind).Select(m => m.Status).SingleAsync());
        } while (status != OutboxStatus.Sent && status != OutboxStatus.Dead && DateTime.UtcNow < deadline);
        Assert.Equal(OutboxStatus.Sent, status);

        var found = await engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = word });
        Assert.Equal(id, Assert.Single(found.Hits).Id);
        Assert.True((await engine.GetHealthAsync()).Available);
    }
}

public sealed class ReindexCommandOnSqlite(SqlitePortalFactory factory) : ReindexCommandTests<SqlitePortalFactory>(factory);
