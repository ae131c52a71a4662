using InvestPortal.Core.Search;
using Xunit;
using static InvestPortal.UnitTests.Search.Elasticsearch.EsSamples;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Answers read back into the contract's results: hits, highlights, facets, totals, matches and percolation.</summary>
public sealed class ElasticsearchResultTests
{
    [Fact]
    public async Task Hits_totals_facets_and_highlights_in_the_requested_culture_or_the_original()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search", CannedResponse.Ok(EsResponses.OpportunitiesPage));
        using var engine = EsTest.Engine(invoker);

        var result = await engine.SearchOpportunitiesAsync(new OpportunityQuery
        {
            Text = "древесина", Culture = "ru", Facets = ["sector", "location", "mode"], Page = 2, PageSize = 2,
        });

        Assert.Equal(42, result.Total);
        Assert.Equal(2, result.Page);
        Assert.Equal(2, result.PageSize);
        Assert.Equal(["TIMBER-ZH", "SOLAR-ALL"], result.Hits.Select(h => h.ExternalRef));
        Assert.Equal(TimberId, result.Hits[0].Id);
        Assert.Equal(3.1416, result.Hits[0].Score);

        // TIMBER-ZH is written only in Chinese: its Chinese snippets, fragments joined, escaping kept.
        Assert.Equal(
            [new Highlight("title", "zh", "黑河<mark>木材</mark>加工园区"),
             new Highlight("summary", "zh", "<mark>原木</mark>进口与<mark>木材</mark>深加工 … 园区 &lt;b&gt; <mark>木材</mark>")],
            result.Hits[0].Highlights);
        // SOLAR-ALL has Russian: only Russian snippets, and only those that mark something.
        Assert.Equal(
            [new Highlight("title", "ru", "<mark>Солнечная</mark> электростанция в Дацине"),
             new Highlight("summary", "ru", "Строительство <mark>солнечной</mark> электростанции")],
            result.Hits[1].Highlights);

        Assert.Equal(new Dictionary<string, int> { ["forestry-timber"] = 30, ["energy"] = 12 }, result.Facets["sector"]);
        Assert.Equal(["231100", "230600", "232700", "232701"], result.Facets["location"].Keys);
        Assert.Empty(result.Facets["mode"]);
        Assert.Equal(3, result.Facets.Count);
    }

    [Fact]
    public async Task Matching_retrieves_candidates_by_any_shared_criterion_and_Core_scores_and_explains_them()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search",
            CannedResponse.Ok(EsResponses.Candidates(Timber, EsResponses.Solar)));
        using var engine = EsTest.Engine(invoker);

        var matches = await engine.MatchOpportunitiesForInvestorAsync(Fund, top: 5);

        var request = Assert.Single(invoker.Significant);
        JsonAssert.Equal(EsTest.Expected("match-opportunities-for-investor.json"), request.Body);
        // Ranked by Core's score, not by the engine's order of candidates (TIMBER-ZH came first and only fits the ticket).
        Assert.Equal(["SOLAR-ALL", "TIMBER-ZH"], matches.Select(m => m.ExternalRef));
        var best = matches[0];
        Assert.Equal(Show(MatchScorer.Rank(Fund, [Timber, EsResponses.Solar], 5)), Show(matches));
        Assert.Equal(1.0, best.Score);
        Assert.Equal(["sector:energy", "location:230600", "ticket-fits", "mode:ppp", "concept:solar"], best.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Matching_investors_for_an_opportunity_looks_in_their_location_scope()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-investors/_search", CannedResponse.Ok(EsResponses.Candidates(Fund)));
        using var engine = EsTest.Engine(invoker);

        var matches = await engine.MatchInvestorsForOpportunityAsync(Timber);

        JsonAssert.Equal(EsTest.Expected("match-investors-for-opportunity.json"), Assert.Single(invoker.Significant).Body);
        Assert.Equal(Show(MatchScorer.Rank(Timber, [Fund], 10)), Show(matches));
        Assert.NotEmpty(matches);
    }

    private static List<string> Show(IEnumerable<MatchResult> matches) =>
        [.. matches.Select(m => $"{m.ExternalRef} {m.Score} {string.Join(",", m.Reasons)}")];

    [Fact]
    public async Task Nothing_to_match_on_sends_no_request()
    {
        var invoker = new CapturingInvoker();
        using var engine = EsTest.Engine(invoker);
        var empty = Fund with { Sectors = [], LocationScope = [], Modes = [], Concepts = [] };
        Assert.Empty(await engine.MatchOpportunitiesForInvestorAsync(empty));
        Assert.Empty(await engine.MatchOpportunitiesForInvestorAsync(Fund, top: 0));
        Assert.Empty(invoker.Requests);
    }

    [Fact]
    public async Task Percolating_a_new_opportunity_sends_its_indexed_fields_and_returns_the_saved_search_ids()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-saved-searches/_search", CannedResponse.Ok(EsResponses.Percolated(SavedB, SavedA)));
        using var engine = EsTest.Engine(invoker);

        var ids = await engine.PercolateAsync(Timber);

        var request = Assert.Single(invoker.Significant);
        Assert.Equal("POST /ip-saved-searches/_search", request.ToString());
        JsonAssert.Equal(EsTest.Expected("percolate.json"), request.Body);
        Assert.Equal([SavedA, SavedB], ids);
    }

    [Fact]
    public async Task Percolation_pages_through_more_matches_than_one_response_holds()
    {
        var many = Enumerable.Range(1, 1500).Select(i => Guid.Parse($"00000000-0000-0000-0000-{i:D12}")).ToArray();
        var invoker = new CapturingInvoker().On(r => r.Path == "/ip-saved-searches/_search",
            r => CannedResponse.Ok(EsResponses.Percolated(r.Body.Contains("search_after", StringComparison.Ordinal) ? many[1000..] : many[..1000])));
        using var engine = EsTest.Engine(invoker);

        var ids = await engine.PercolateAsync(Timber);

        Assert.Equal(1500, ids.Count);
        var second = System.Text.Json.Nodes.JsonNode.Parse(invoker.Significant[1].Body)!;
        Assert.Equal(many[999].ToString(), second["search_after"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_reports_counts_and_an_index_created_empty_as_needing_a_rebuild()
    {
        var invoker = new CapturingInvoker()
            .On("GET", "/_alias/", CannedResponse.Ok("""
                {"ip-opportunities-v20260314092653589":{"aliases":{"ip-opportunities":{}}},
                 "ip-investors-v20260314092653589":{"aliases":{"ip-investors":{}}},
                 "ip-saved-searches-v0":{"aliases":{"ip-saved-searches":{}}}}
                """))
            .On("GET", "/ip-opportunities,ip-investors,ip-saved-searches/_mapping", CannedResponse.Ok("""
                {"ip-opportunities-v20260314092653589":{"mappings":{"_meta":{"investportal_schema":3,"investportal_needs_rebuild":false},"dynamic":"false","properties":{}}},
                 "ip-investors-v20260314092653589":{"mappings":{"_meta":{"investportal_schema":3,"investportal_needs_rebuild":false},"dynamic":"false","properties":{}}},
                 "ip-saved-searches-v0":{"mappings":{"_meta":{"investportal_schema":3,"investportal_needs_rebuild":true},"dynamic":"false","properties":{}}}}
                """))
            .On("POST", "/ip-opportunities/_count", CannedResponse.Ok("""{"count":5,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""))
            .On("POST", "/ip-investors/_count", CannedResponse.Ok("""{"count":3,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""))
            .On("POST", "/ip-saved-searches/_count", CannedResponse.Ok("""{"count":7,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""));
        using var engine = EsTest.Engine(invoker);

        var health = await engine.GetHealthAsync();

        Assert.Equal(new SearchHealth("elasticsearch", true, true, 5, 3, 7, health.Message), health);
        Assert.Contains("ip-saved-searches-v0 was created empty", health.Message, StringComparison.Ordinal);
        Assert.Contains("reindex", health.Message, StringComparison.Ordinal);
        Assert.Contains(invoker.Requests, r => r.ToString() == "GET /ip-opportunities,ip-investors,ip-saved-searches/_mapping?ignore_unavailable=true");
        // Nothing cluster-wide: a least-privilege key has no "monitor", and others' red indices are not our outage.
        Assert.DoesNotContain(invoker.Requests, r => r.Path.StartsWith("/_cluster", StringComparison.Ordinal));
    }
}
