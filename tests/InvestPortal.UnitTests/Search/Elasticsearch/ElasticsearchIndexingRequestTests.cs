using InvestPortal.Core.Search;
using InvestPortal.Search.Elasticsearch;
using Xunit;
using static InvestPortal.UnitTests.Search.Elasticsearch.EsSamples;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Index creation, bulk writes, saved searches and the rebuild's alias swap, as the server would receive them.</summary>
public sealed class ElasticsearchIndexingRequestTests
{
    private const string Ack = """{"acknowledged":true,"shards_acknowledged":true,"index":"x"}""";
    private static readonly CannedResponse AliasMissing = new(404, "");

    [Fact]
    public async Task First_write_creates_each_missing_index_with_explicit_mappings_behind_its_alias()
    {
        var invoker = new CapturingInvoker()
            .On("HEAD", "/_alias/", AliasMissing)
            .On("PUT", "/ip-", CannedResponse.Ok(Ack));
        using var engine = EsTest.Engine(invoker);

        await engine.IndexOpportunitiesAsync([Timber]);

        Assert.Equal(
            ["HEAD /_alias/ip-opportunities", "PUT /ip-opportunities-v0", "HEAD /_alias/ip-investors", "PUT /ip-investors-v0",
             "HEAD /_alias/ip-saved-searches", "PUT /ip-saved-searches-v0", "POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true"],
            invoker.Requests.Select(r => r.ToString()));
        JsonAssert.Equal(EsTest.Expected("create-opportunities.json"), invoker.Requests[1].Body);
        JsonAssert.Equal(EsTest.Expected("create-investors.json"), invoker.Requests[3].Body);
        JsonAssert.Equal(EsTest.Expected("create-saved-searches.json"), invoker.Requests[5].Body);
    }

    [Fact]
    public async Task Indices_are_checked_once_per_engine_not_per_call()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        await engine.IndexOpportunitiesAsync([Timber]);
        await engine.IndexOpportunitiesAsync([Timber]);
        Assert.Equal(3, invoker.Requests.Count(r => r.Method == "HEAD"));
        Assert.Equal(2, invoker.Significant.Count);
    }

    [Fact]
    public async Task An_index_another_node_just_created_is_not_an_error()
    {
        var invoker = new CapturingInvoker()
            .On("HEAD", "/_alias/", AliasMissing)
            .On("PUT", "/ip-", new CannedResponse(400, """
                {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [ip-opportunities-v0/abc] already exists","index_uuid":"abc","index":"ip-opportunities-v0"}],
                 "type":"resource_already_exists_exception","reason":"index [ip-opportunities-v0/abc] already exists","index_uuid":"abc","index":"ip-opportunities-v0"},"status":400}
                """));
        using var engine = EsTest.Engine(invoker);
        await engine.IndexOpportunitiesAsync([Timber]);
        Assert.Equal("POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true", invoker.Requests[^1].ToString());
    }

    [Fact]
    public async Task Opportunities_are_bulk_indexed_through_the_alias_with_their_Core_document()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        await engine.IndexOpportunitiesAsync([Timber]);
        var bulk = Assert.Single(invoker.Significant);
        Assert.Equal("POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true", bulk.ToString());
        JsonAssert.EqualLines(EsTest.Live(EsTest.Expected("bulk-opportunity.ndjson"), "ip-opportunities"), bulk.Body);
    }

    [Fact]
    public async Task A_listing_near_the_border_is_indexed_with_a_geo_point_and_its_precomputed_crossings()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        // Built by the Core builder from the taxonomy and crossing content: Heihe (50.25, 127.49) is 3.1 km from its crossing.
        var heihe = new SearchDocumentBuilder(SearchTestData.Semantics()).Build(SearchTestData.Opportunities().Single(o => o.Id == SearchTestData.TimberZh))!;
        await engine.IndexOpportunitiesAsync([heihe]);
        var source = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(invoker.Significant).Body.Split('\n')[1])!;
        JsonAssert.Equal("""{"lat":50.25,"lon":127.49}""", source["position"]!.ToJsonString());
        Assert.Equal(3.1, source["nearest_crossing_km"]!.GetValue<double>());
        JsonAssert.Equal("""["10","50","150"]""", source["crossing_band"]!.ToJsonString());
        JsonAssert.Equal("""["heihe-blagoveshchensk","xunke-poyarkovo"]""", source["crossing"]!.ToJsonString());
        Assert.Contains("heihe-blagoveshchensk:10", source["crossing_key"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("xunke-poyarkovo:150", source["crossing_key"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("xunke-poyarkovo:50", source["crossing_key"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investor_profiles_are_bulk_indexed_into_their_own_index()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        await engine.IndexInvestorsAsync([Fund]);
        var bulk = Assert.Single(invoker.Significant);
        Assert.Equal("POST /ip-investors/_bulk?refresh=wait_for&require_alias=true", bulk.ToString());
        JsonAssert.EqualLines(EsTest.Live(EsTest.Expected("bulk-investor.ndjson"), "ip-investors"), bulk.Body);
    }

    [Fact]
    public async Task Deletes_are_bulk_delete_actions()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        await engine.DeleteOpportunitiesAsync([TimberId, Guid.Parse("00000000-0000-0000-0000-000000000005")]);
        await engine.DeleteInvestorsAsync([]);
        var bulk = Assert.Single(invoker.Significant);
        Assert.Equal("POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true", bulk.ToString());
        JsonAssert.EqualLines(EsTest.Live(EsTest.Expected("bulk-delete.ndjson"), "ip-opportunities"), bulk.Body);
    }

    [Fact]
    public async Task Large_writes_are_split_into_bulk_batches()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        var docs = Enumerable.Range(1, 2500).Select(i => Timber with { Id = Guid.NewGuid(), ExternalRef = $"T-{i}" }).ToList();
        await engine.IndexOpportunitiesAsync(docs);
        // Each document twice (through the alias and its rebuild alias): 5000 operations in batches of 1000.
        Assert.Equal([2000, 2000, 2000, 2000, 2000], invoker.Significant.Select(r => r.Body.Count(c => c == '\n')));
    }

    [Fact]
    public async Task Rebuild_bulks_are_bounded_by_bytes_so_long_descriptions_stay_below_the_request_size_limit()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        var description = new string('木', 100_000);
        var docs = Enumerable.Range(1, 30).Select(i => Timber with
        {
            Id = Guid.NewGuid(),
            ExternalRef = $"T-{i}",
            Texts = new Dictionary<string, OpportunityText> { ["zh"] = new("木材", null, description) },
        }).ToList();
        await using (var rebuild = await engine.BeginRebuildAsync())
            await rebuild.IndexOpportunitiesAsync(docs);

        var bulks = invoker.Significant.Where(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).ToList();
        Assert.True(bulks.Count > 1, "30 documents of about 0.9 MB went in one request");
        Assert.All(bulks, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Body) <= ElasticsearchSearchEngine.BulkBytes,
            $"a bulk of {System.Text.Encoding.UTF8.GetByteCount(b.Body)} bytes"));
        Assert.Equal(60, bulks.Sum(b => b.Body.Count(c => c == '\n')));
    }

    [Fact]
    public async Task A_saved_search_is_stored_as_a_percolator_query_written_by_the_request_serializer()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        await engine.StoreSavedSearchAsync(SavedA, new OpportunityQuery
        {
            Text = "древесина", Sectors = ["forestry-timber"], MinAmount = 1_000_000, Currency = "USD",
            Sort = SearchSort.Newest, Page = 3, Facets = ["sector"],
        });
        await engine.DeleteSavedSearchAsync(SavedB);
        Assert.Equal(["POST /ip-saved-searches/_bulk?refresh=wait_for&require_alias=true", "POST /ip-saved-searches/_bulk?refresh=wait_for&require_alias=true"],
            invoker.Significant.Select(r => r.ToString()));
        JsonAssert.EqualLines(EsTest.Live(EsTest.Expected("bulk-saved-search.ndjson"), "ip-saved-searches"), invoker.Significant[0].Body);
        JsonAssert.EqualLines(EsTest.Live("""{"delete":{"_id":"5b000000-0000-0000-0000-00000000000b"}}""", "ip-saved-searches"), invoker.Significant[1].Body);
    }

    [Fact]
    public async Task Rebuild_fills_new_versioned_indices_then_swaps_all_aliases_atomically_and_deletes_the_old()
    {
        var invoker = new CapturingInvoker()
            .On("PUT", "/ip-", CannedResponse.Ok(Ack))
            .On("GET", "/_alias/", CannedResponse.Ok("""
                {"ip-opportunities-v0":{"aliases":{"ip-opportunities":{}}},
                 "ip-investors-v0":{"aliases":{"ip-investors":{}}},
                 "ip-saved-searches-v0":{"aliases":{"ip-saved-searches":{}}}}
                """))
            .On("POST", "/_aliases", CannedResponse.Acknowledged)
            .On("DELETE", "/ip-", CannedResponse.Acknowledged);
        using var engine = EsTest.Engine(invoker);
        var v = EsTest.Version;

        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Timber]);
            await rebuild.IndexInvestorsAsync([Fund]);
            await rebuild.StoreSavedSearchesAsync([new(SavedA, new OpportunityQuery { Sectors = ["energy"] })]);
            // A write arriving during the rebuild goes live now and is replayed into the new index before the swap.
            await engine.DeleteOpportunitiesAsync([TimberId]);
            await rebuild.CompleteAsync();
        }

        const string ack = "timeout=10s&master_timeout=10s";
        Assert.Equal(
        [
            // No rebuild is running elsewhere (no rebuild alias points anywhere).
            "GET /_alias/ip-opportunities-rebuild,ip-investors-rebuild,ip-saved-searches-rebuild?ignore_unavailable=true",
            $"PUT /ip-opportunities-{v}", $"PUT /ip-investors-{v}", $"PUT /ip-saved-searches-{v}",
            // The rebuild aliases: from here on every node's live writes also reach the new indices.
            $"POST /_aliases?{ack}",
            $"POST /ip-opportunities-{v}/_bulk", $"POST /ip-investors-{v}/_bulk", $"POST /ip-saved-searches-{v}/_bulk",
            "POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true",
            $"POST /ip-opportunities-{v}/_bulk",
            $"POST /ip-opportunities-{v},ip-investors-{v},ip-saved-searches-{v}/_refresh",
            "GET /_alias/ip-opportunities,ip-investors,ip-saved-searches?ignore_unavailable=true",
            $"POST /_aliases?{ack}",
            $"DELETE /ip-opportunities-v0,ip-investors-v0,ip-saved-searches-v0?{ack}",
        ], invoker.Significant.Select(r => r.ToString()));
        JsonAssert.Equal(EsTest.Expected("create-opportunities-rebuild.json"), invoker.Significant[1].Body);
        JsonAssert.Equal("""
            {"actions":[
              {"add":{"index":"ip-opportunities-v20260314092653589","alias":"ip-opportunities-rebuild","is_write_index":true}},
              {"add":{"index":"ip-investors-v20260314092653589","alias":"ip-investors-rebuild","is_write_index":true}},
              {"add":{"index":"ip-saved-searches-v20260314092653589","alias":"ip-saved-searches-rebuild","is_write_index":true}}]}
            """, invoker.Significant[4].Body);
        // The rebuild's own documents never overwrite a live write that reached the new index first.
        Assert.StartsWith("""{"create":{"_id":"00000000-0000-0000-0000-000000000001"}}""", invoker.Significant[5].Body);
        JsonAssert.EqualLines(EsTest.Expected("bulk-delete.ndjson").Split('\n')[0], invoker.Significant[9].Body);
        JsonAssert.Equal(EsTest.Expected("alias-swap.json"), invoker.Significant[12].Body);
    }

    [Fact]
    public async Task An_abandoned_rebuild_deletes_its_indices_and_never_touches_the_aliases()
    {
        var invoker = new CapturingInvoker().On("PUT", "/ip-", CannedResponse.Ok(Ack));
        using var engine = EsTest.Engine(invoker);
        var v = EsTest.Version;
        await using (var rebuild = await engine.BeginRebuildAsync())
            await rebuild.IndexOpportunitiesAsync([Timber]);

        // It first checks that no live alias points at its indices (a swap whose answer was lost may have happened).
        Assert.Equal("GET /_alias/ip-opportunities,ip-investors,ip-saved-searches?ignore_unavailable=true", invoker.Significant[^2].ToString());
        Assert.Equal($"DELETE /ip-opportunities-{v},ip-investors-{v},ip-saved-searches-{v}?ignore_unavailable=true&timeout=10s&master_timeout=10s",
            invoker.Significant[^1].ToString());
        // Only the rebuild aliases were ever added; the live ones were never touched.
        var aliasUpdate = Assert.Single(invoker.Requests, r => r.Path == "/_aliases");
        Assert.DoesNotContain("remove", aliasUpdate.Body);
        Assert.Equal(3, aliasUpdate.Body.Split("-rebuild\"").Length - 1);
        // A later write goes to the live alias only: nothing is journaled for the abandoned rebuild.
        await engine.IndexOpportunitiesAsync([Timber]);
        Assert.Equal("POST /ip-opportunities/_bulk?refresh=wait_for&require_alias=true", invoker.Significant[^1].ToString());
    }
}
