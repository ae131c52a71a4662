using Xunit;
using Elastic.Clients.Elasticsearch;
using InvestPortal.Core.Search;
using InvestPortal.Search;
using InvestPortal.Search.Elasticsearch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static InvestPortal.UnitTests.Search.Elasticsearch.EsSamples;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>
/// The engine against a cluster that behaves like Elasticsearch 9 where it matters for correctness (see
/// <see cref="FakeCluster"/>): several engines — several processes — sharing one cluster, races between rebuilds,
/// answers lost after the change was applied.
/// </summary>
public sealed class ElasticsearchClusterBehaviourTests
{
    private const string Opportunities = "ip-opportunities";
    private static readonly string[] AllAliases = ["ip-opportunities", "ip-investors", "ip-saved-searches"];

    private static ElasticsearchSearchEngine Engine(FakeCluster cluster, DateTimeOffset? now = null) =>
        new(new ElasticsearchClient(EsTest.Settings(cluster.Connect())), "ip", SearchTestData.Semantics(), time: new FixedTime(now ?? EsTest.Now));

    private static OpportunityDocument Listing(int n, string title = "木材") => Timber with
    {
        Id = Guid.Parse($"00000000-0000-0000-0000-{n:000000000000}"),
        ExternalRef = $"T-{n}",
        Texts = new Dictionary<string, OpportunityText> { ["zh"] = new(title, null, null) },
    };

    [Fact]
    public async Task A_listing_published_by_another_node_during_a_rebuild_is_in_the_rebuilt_index()
    {
        var cluster = new FakeCluster();
        using var reindex = Engine(cluster);
        using var web = Engine(cluster, EsTest.Now.AddSeconds(1));
        await web.IndexOpportunitiesAsync([Listing(1)]);

        await using (var rebuild = await reindex.BeginRebuildAsync())
        {
            // The rebuild read the database before the web node published listing 2.
            await web.IndexOpportunitiesAsync([Listing(2)]);
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            await rebuild.CompleteAsync();
        }

        Assert.Equal([$"{Opportunities}-{EsTest.Version}"], cluster.Targets(Opportunities));
        Assert.Equal([Listing(1).Id.ToString(), Listing(2).Id.ToString()], cluster.Ids(Opportunities).Order());
    }

    [Fact]
    public async Task A_listing_closed_by_another_node_during_a_rebuild_does_not_come_back()
    {
        var cluster = new FakeCluster();
        using var reindex = Engine(cluster);
        using var web = Engine(cluster);
        await web.IndexOpportunitiesAsync([Listing(1), Listing(2)]);
        await using (var rebuild = await reindex.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            // Listing 1 is already in the new index; listing 2 is not there (yet): its delete finds nothing, which is fine.
            await web.DeleteOpportunitiesAsync([Listing(1).Id, Listing(2).Id]);
            await rebuild.CompleteAsync();
        }
        Assert.Empty(cluster.Ids(Opportunities));
    }

    [Fact]
    public async Task A_listing_whose_live_delete_came_before_the_rebuild_copy_is_removed_by_the_rebuild_database_check()
    {
        var cluster = new FakeCluster();
        using var reindex = Engine(cluster);
        using var web = Engine(cluster);
        await web.IndexOpportunitiesAsync([Listing(1), Listing(2)]);
        await using (var rebuild = await reindex.BeginRebuildAsync())
        {
            // The rebuild read both listings; then the web node closed listing 1, and its delete reached the new index
            // before the rebuild's copy did (it found nothing there). The copy is created afterwards.
            await web.DeleteOpportunitiesAsync([Listing(1).Id]);
            await rebuild.IndexOpportunitiesAsync([Listing(1), Listing(2)]);
            // SearchIndexer's check against the database: listing 1 is no longer published; listing 3 never got in.
            await rebuild.DeleteOpportunitiesAsync([Listing(1).Id, Listing(3).Id]);
            await rebuild.CompleteAsync();
        }
        Assert.Equal([Listing(2).Id.ToString()], cluster.Ids(Opportunities));
    }

    [Fact]
    public async Task An_edit_made_elsewhere_during_a_rebuild_is_not_overwritten_by_the_rebuild_older_copy()
    {
        var cluster = new FakeCluster();
        using var reindex = Engine(cluster);
        using var web = Engine(cluster);
        await using (var rebuild = await reindex.BeginRebuildAsync())
        {
            await web.IndexOpportunitiesAsync([Listing(1, "新标题")]);
            await rebuild.IndexOpportunitiesAsync([Listing(1, "旧标题")]);
            await rebuild.CompleteAsync();
        }
        Assert.Equal("新标题", (string?)cluster.Doc(Opportunities, Listing(1).Id)!["title_zh"]);
    }

    [Fact]
    public async Task A_rebuild_that_loses_the_swap_race_leaves_every_alias_on_exactly_one_index()
    {
        var cluster = new FakeCluster();
        using var first = Engine(cluster);
        await first.IndexOpportunitiesAsync([Listing(1)]);
        await using var rebuild = await first.BeginRebuildAsync();
        await rebuild.IndexOpportunitiesAsync([Listing(1)]);
        // Another node's rebuild swaps between this rebuild's reading of the aliases and its own swap.
        cluster.BeforeNextAliasUpdate = () =>
        {
            foreach (var alias in AllAliases) cluster.SwapElsewhere(alias, $"{alias}-velsewhere");
        };

        await Assert.ThrowsAsync<SearchUnavailableException>(() => rebuild.CompleteAsync());

        foreach (var alias in AllAliases) Assert.Equal([$"{alias}-velsewhere"], cluster.Targets(alias));
        // And a write through the alias still has exactly one index to go to.
        await first.IndexOpportunitiesAsync([Listing(3)]);
    }

    [Fact]
    public async Task A_second_rebuild_while_one_runs_on_another_node_is_refused_and_the_first_completes()
    {
        var cluster = new FakeCluster();
        using var nodeA = Engine(cluster);
        using var nodeB = Engine(cluster, EsTest.Now.AddMinutes(1));
        await nodeA.IndexOpportunitiesAsync([Listing(1)]);

        await using var first = await nodeA.BeginRebuildAsync();
        await Assert.ThrowsAsync<SearchUnavailableException>(() => nodeB.BeginRebuildAsync());
        await first.IndexOpportunitiesAsync([Listing(1)]);
        await first.CompleteAsync();

        foreach (var alias in AllAliases) Assert.Single(cluster.Targets(alias));
        Assert.Equal([$"{Opportunities}-{EsTest.Version}"], cluster.Targets(Opportunities));
    }

    [Fact]
    public async Task A_rebuild_abandoned_by_a_dead_process_does_not_block_the_next_one_for_long()
    {
        var cluster = new FakeCluster();
        using var dead = Engine(cluster);
        using var later = Engine(cluster, EsTest.Now.AddMinutes(31));
        await dead.IndexOpportunitiesAsync([Listing(1)]);
        // The process died: its rebuild neither completed nor cleaned up.
        _ = await dead.BeginRebuildAsync();

        await using (var rebuild = await later.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            await rebuild.CompleteAsync();
        }

        Assert.DoesNotContain($"{Opportunities}-{EsTest.Version}", cluster.Indices.Keys);
        foreach (var alias in AllAliases) Assert.Single(cluster.Targets(alias));
        Assert.Empty(cluster.Targets(Opportunities + "-rebuild"));
    }

    [Fact]
    public async Task A_swap_whose_answer_is_lost_but_which_was_applied_completes_the_rebuild()
    {
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        await engine.IndexOpportunitiesAsync([Listing(1)]);
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            cluster.LoseNextAliasAnswer = true;
            await rebuild.CompleteAsync();
        }
        Assert.Equal([$"{Opportunities}-{EsTest.Version}"], cluster.Targets(Opportunities));
        Assert.DoesNotContain($"{Opportunities}-v0", cluster.Indices.Keys);
    }

    [Fact]
    public async Task Disposing_after_an_ambiguous_swap_keeps_the_indices_the_aliases_now_point_at()
    {
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        await engine.IndexOpportunitiesAsync([Listing(1)]);
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            // The swap is applied, its answer is lost, and so is the check that follows it.
            cluster.LoseNextAliasAnswer = true;
            cluster.BeforeNextAliasUpdate = () => cluster.FailAliasReads = 1;
            await Assert.ThrowsAsync<SearchUnavailableException>(() => rebuild.CompleteAsync());
        }

        foreach (var alias in AllAliases)
            Assert.True(cluster.Targets(alias).SequenceEqual([$"{alias}-{EsTest.Version}"]),
                $"{alias} → [{string.Join(", ", cluster.Targets(alias))}]; indices: {string.Join(", ", cluster.Indices.Keys)}");
        await engine.IndexOpportunitiesAsync([Listing(2)]);
        Assert.DoesNotContain(Opportunities, cluster.Indices.Keys);
        Assert.Equal(2, cluster.Ids(Opportunities).Count);
    }

    [Fact]
    public async Task A_live_write_to_a_vanished_alias_fails_instead_of_creating_an_index_with_dynamic_mappings()
    {
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        await engine.IndexOpportunitiesAsync([Listing(1)]);
        cluster.Indices.Remove($"{Opportunities}-v0");
        cluster.Aliases.Remove(Opportunities);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.IndexOpportunitiesAsync([Listing(2)]));
        Assert.DoesNotContain(Opportunities, cluster.Indices.Keys);
    }

    [Fact]
    public async Task Health_reports_an_alias_on_two_indices_and_asks_for_a_rebuild()
    {
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        await engine.IndexOpportunitiesAsync([Listing(1)]);
        cluster.Indices["ip-opportunities-vother"] = [];
        cluster.Aliases[Opportunities]["ip-opportunities-vother"] = false;

        var health = await engine.GetHealthAsync();

        Assert.False(health.Available);
        Assert.True(health.NeedsRebuild);
        Assert.Contains("ip-opportunities points at 2 indices", health.Message);
    }

    [Fact]
    public async Task Health_needs_no_cluster_privilege_and_ignores_other_indices_of_a_shared_cluster()
    {
        // The fake cluster answers GET /_cluster/health with 403, as for an API key without "monitor".
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1), Listing(2)]);
            await rebuild.CompleteAsync();
        }
        cluster.Indices["someone-elses-red-index"] = [];

        var health = await engine.GetHealthAsync();

        Assert.True(health.Available, health.Message);
        Assert.False(health.NeedsRebuild, health.Message);
        Assert.Equal(2, health.Opportunities);
    }

    [Fact]
    public async Task Start_up_asks_an_Elasticsearch_that_is_still_starting_again_until_it_answers()
    {
        var cluster = new FakeCluster();
        using var engine = Engine(cluster);
        // A healthy index (so start-up has nothing to rebuild once Elasticsearch answers)...
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Listing(1)]);
            await rebuild.CompleteAsync();
        }
        var delays = new List<TimeSpan>();
        var startup = new SearchIndexStartup(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            engine, Options.Create(new SearchOptions()), new SearchRebuildCoordinator(), NullLogger<SearchIndexStartup>.Instance);
        // ...behind a cluster that does not answer its first three requests.
        cluster.Unreachable = 3;

        await startup.RunAsync((delay, _) => { delays.Add(delay); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays);
        Assert.Equal(0, cluster.Unreachable);
    }
}
