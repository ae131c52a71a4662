using System.Net.Http;
using InvestPortal.Core.Search;
using Xunit;
using static InvestPortal.UnitTests.Search.Elasticsearch.EsSamples;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Every failure becomes a SearchUnavailableException that says what failed and why; nothing falls back silently.</summary>
public sealed class ElasticsearchErrorTests
{
    private static async Task<SearchUnavailableException> SearchFails(CannedResponse response, CapturingInvoker? invoker = null)
    {
        invoker ??= new CapturingInvoker();
        invoker.On("POST", "/ip-opportunities/_search", response);
        using var engine = EsTest.Engine(invoker);
        return await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "timber" }));
    }

    [Fact]
    public async Task A_503_with_an_Elasticsearch_error_body_names_the_status_type_and_reason()
    {
        var ex = await SearchFails(new CannedResponse(503, """
            {"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],
             "type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}
            """));
        Assert.Contains("searching opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503 cluster_block_exception", ex.Message, StringComparison.Ordinal);
        Assert.Contains("state not recovered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_before_giving_up()
    {
        var invoker = new CapturingInvoker();
        await SearchFails(new CannedResponse(503, """{"error":{"type":"unavailable","reason":"try later"},"status":503}"""), invoker);
        Assert.Equal(1 + EsTest.RetriesOnOneNode, invoker.Significant.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task With_several_nodes_a_503_is_retried_on_another_node()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search",
            new CannedResponse(503, """{"error":{"type":"unavailable","reason":"try later"},"status":503}"""));
        var pool = new Elastic.Transport.StaticNodePool([new Uri("http://es1.test:9200"), new Uri("http://es2.test:9200")]);
        var settings = new Elastic.Clients.Elasticsearch.ElasticsearchClientSettings(pool, invoker)
            .MaximumRetries(InvestPortal.Search.Elasticsearch.ElasticsearchConnection.MaxRetries).DisablePing();
        using var engine = new InvestPortal.Search.Elasticsearch.ElasticsearchSearchEngine(
            new Elastic.Clients.Elasticsearch.ElasticsearchClient(settings), "ip", SearchTestData.Semantics());
        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchOpportunitiesAsync(new OpportunityQuery()));
        Assert.True(invoker.Requests.Count(r => r.Path == "/ip-opportunities/_search") >= 2);
    }

    [Fact]
    public async Task A_500_without_an_error_body_still_says_which_call_failed()
    {
        var ex = await SearchFails(new CannedResponse(500, ""));
        Assert.Contains("searching opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_from_the_server_carries_its_reason_and_root_cause()
    {
        var ex = await SearchFails(new CannedResponse(400, """
            {"error":{"root_cause":[{"type":"query_shard_exception","reason":"failed to create query: field [amount_cny] of type [keyword] does not support range","index":"ip-opportunities-v0"}],
             "type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true,
             "failed_shards":[{"shard":0,"index":"ip-opportunities-v0","node":"n1","reason":{"type":"query_shard_exception","reason":"failed to create query"}}]},"status":400}
            """));
        Assert.Contains("HTTP 400 search_phase_execution_exception: all shards failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("root cause: query_shard_exception", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_the_Elasticsearch_product_header_is_refused_clearly()
    {
        // Whatever answers at that URL is not Elasticsearch (a proxy's page, another product): every answer lacks the header.
        var invoker = new CapturingInvoker().On(_ => true, r => new CannedResponse(200, r.Method == "HEAD" ? "" : EsResponses.EmptySearch, Product: false));
        using var engine = EsTest.Engine(invoker);
        var ex = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "timber" }));
        Assert.Contains("checking alias ip-opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("did not identify itself as Elasticsearch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_failure_says_the_cluster_is_unreachable()
    {
        var ex = await SearchFails(new CannedResponse(0, "", Failure: new HttpRequestException("Connection refused (es.test:9200)")));
        Assert.Contains("searching opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_items_in_a_bulk_answer_are_an_error_even_with_HTTP_200()
    {
        var invoker = new CapturingInvoker().On(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal), _ => CannedResponse.Ok("""
            {"errors":true,"took":5,"items":[
              {"index":{"_index":"ip-opportunities-v0","_id":"00000000-0000-0000-0000-000000000001","status":400,
                "error":{"type":"document_parsing_exception","reason":"[1:120] failed to parse field [amount_cny] of type [scaled_float]"}}},
              {"index":{"_index":"ip-opportunities-v0","_id":"00000000-0000-0000-0000-000000000004","_version":1,"result":"created",
                "_shards":{"total":1,"successful":1,"failed":0},"_seq_no":3,"_primary_term":1,"status":201}}]}
            """));
        using var engine = EsTest.Engine(invoker);
        var ex = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.IndexOpportunitiesAsync([Timber, EsResponses.Solar]));
        Assert.Contains("rejected 1 of 2 documents in indexing opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("document_parsing_exception", ex.Message, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-0000-0000-000000000001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_creation_refused_for_another_reason_is_an_error()
    {
        var invoker = new CapturingInvoker()
            .On("HEAD", "/_alias/", new CannedResponse(404, ""))
            .On("PUT", "/ip-", new CannedResponse(403, """
                {"error":{"root_cause":[{"type":"security_exception","reason":"action [indices:admin/create] is unauthorized for API key id [k1]"}],
                 "type":"security_exception","reason":"action [indices:admin/create] is unauthorized for API key id [k1]"},"status":403}
                """));
        using var engine = EsTest.Engine(invoker);
        var ex = await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.IndexOpportunitiesAsync([Timber]));
        Assert.Contains("creating index for ip-opportunities", ex.Message, StringComparison.Ordinal);
        Assert.Contains("security_exception", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_an_outage_instead_of_throwing()
    {
        var invoker = new CapturingInvoker().On("GET", "/_alias/",
            new CannedResponse(0, "", Failure: new HttpRequestException("Name or service not known (es.test:9200)")));
        using var engine = EsTest.Engine(invoker);
        var health = await engine.GetHealthAsync();
        Assert.False(health.Available);
        Assert.Equal("elasticsearch", health.Engine);
        Assert.Contains("reading aliases", health.Message, StringComparison.Ordinal);
    }
}
