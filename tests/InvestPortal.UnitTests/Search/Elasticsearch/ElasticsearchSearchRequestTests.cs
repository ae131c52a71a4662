using InvestPortal.Core.Search;
using Xunit;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Search requests for each filter alone, text, facets, highlighting, sorts and paging, compared as parsed JSON.</summary>
public sealed class ElasticsearchSearchRequestTests
{
    private static async Task<CapturedRequest> SearchBody(OpportunityQuery query)
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search", CannedResponse.Ok(EsResponses.EmptySearch));
        using var engine = EsTest.Engine(invoker);
        await engine.SearchOpportunitiesAsync(query);
        return Assert.Single(invoker.Significant);
    }

    [Theory]
    [InlineData("search-sector.json", "sector")]
    [InlineData("search-location.json", "location")]
    [InlineData("search-partner-region.json", "partner")]
    [InlineData("search-mode.json", "mode")]
    [InlineData("search-stage.json", "stage")]
    [InlineData("search-amount.json", "amount")]
    [InlineData("search-all-filters.json", "all")]
    [InlineData("search-within.json", "within")]
    [InlineData("search-crossing.json", "crossing")]
    public async Task Each_filter_becomes_a_terms_or_range_clause_in_the_bool_filter(string expected, string filter)
    {
        var query = filter switch
        {
            "sector" => new OpportunityQuery { Sectors = ["forestry-timber"] },
            // A prefecture's county-level cities are added by Core, not by the engine.
            "location" => new OpportunityQuery { Locations = ["231000"] },
            "partner" => new OpportunityQuery { PartnerRegions = ["RU-PRI"] },
            "mode" => new OpportunityQuery { Modes = ["joint-venture", "lease", " "] },
            "stage" => new OpportunityQuery { Stages = ["construction"] },
            // Amounts reach the index in CNY: 1M..10M USD at 7 CNY per USD.
            "amount" => new OpportunityQuery { MinAmount = 1_000_000, MaxAmount = 10_000_000, Currency = "USD" },
            // "Within 50 km of a crossing": a term on the precomputed band, as on Lucene.
            "within" => new OpportunityQuery { WithinKm = 50 },
            // A crossing becomes a geo_distance from its point; a code the portal does not know falls back to the
            // precomputed "code:band" key (which no document has).
            "crossing" => new OpportunityQuery { Crossings = ["heihe-blagoveshchensk", "no-such-crossing"], WithinKm = 50 },
            _ => new OpportunityQuery
            {
                Sectors = ["energy"], Locations = ["230600"], PartnerRegions = ["RU-AMU"], Modes = ["ppp"], Stages = ["concept"],
                MaxAmount = 100_000_000,
            },
        };
        var request = await SearchBody(query);
        Assert.Equal("POST /ip-opportunities/_search", request.ToString());
        JsonAssert.Equal(EsTest.Expected(expected), request.Body);
    }

    [Fact]
    public async Task Text_is_a_multi_match_over_every_language_or_a_shared_concept_with_title_boost_and_highlights()
    {
        var request = await SearchBody(new OpportunityQuery { Text = "  древесина ", Culture = "ru" });
        JsonAssert.Equal(EsTest.Expected("search-text.json"), request.Body);
    }

    [Theory]
    [InlineData("title:(timber OR x) AND body:*")]
    [InlineData("<script>alert(1)</script> \"timber")]
    [InlineData("{\"query_string\":{\"query\":\"*\"}}")]
    public async Task Hostile_text_reaches_only_multi_match_and_match_queries_verbatim(string text)
    {
        var request = await SearchBody(new OpportunityQuery { Text = text });
        var body = System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
        var multiMatch = body["query"]!["bool"]!["must"]!.AsArrayOrSelf()[0]!["bool"]!["should"]!.AsArrayOrSelf()[0]!["multi_match"]!;
        Assert.Equal(text, multiMatch["query"]!.GetValue<string>());
        Assert.DoesNotContain("\"query_string\":", request.Body.Replace("\\\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("simple_query_string", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_of_ten_kilobytes_is_capped_by_Core_before_it_is_sent()
    {
        var request = await SearchBody(new OpportunityQuery { Text = new string('木', 10_000) });
        var body = System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
        var multiMatch = body["query"]!["bool"]!["must"]!.AsArrayOrSelf()[0]!["bool"]!["should"]!.AsArrayOrSelf()[0]!["multi_match"]!;
        Assert.Equal(new string('木', SearchSemantics.MaxTextLength), multiMatch["query"]!.GetValue<string>());
        Assert.InRange(request.Body.Length, 1, 60_000);
    }

    [Fact]
    public async Task Text_without_letters_or_digits_is_a_match_all()
    {
        var request = await SearchBody(new OpportunityQuery { Text = " !!! *** ", Facets = ["sector", "location", "mode", "stage", "partnerRegion", "unknown"] });
        JsonAssert.Equal(EsTest.Expected("search-facets.json"), request.Body);
    }

    [Theory]
    [InlineData(SearchSort.Newest, "sort-newest.json")]
    [InlineData(SearchSort.AmountAscending, "sort-amount-ascending.json")]
    [InlineData(SearchSort.AmountDescending, "sort-amount-descending.json")]
    public async Task Sorts_other_than_relevance_keep_scores_and_end_with_a_unique_tiebreaker(SearchSort sort, string expected) =>
        JsonAssert.Equal(EsTest.Expected(expected), (await SearchBody(new OpportunityQuery { Sort = sort })).Body);

    [Fact]
    public async Task Shallow_pages_use_from_and_size()
    {
        var request = await SearchBody(new OpportunityQuery { Page = 3, PageSize = 10 });
        JsonAssert.Equal(EsTest.Expected("page-3.json"), request.Body);
    }

    [Fact]
    public async Task Deep_pages_hop_with_search_after_instead_of_a_large_from()
    {
        var invoker = new CapturingInvoker().On(r => r.Path == "/ip-opportunities/_search", r =>
            r.Body.Contains("\"size\":1000", StringComparison.Ordinal) ? CannedResponse.Ok(EsResponses.SortOnlyHits(1000, 1.25, 1790812800000, 1000))
            : r.Body.Contains("\"size\":180", StringComparison.Ordinal) ? CannedResponse.Ok(EsResponses.SortOnlyHits(180, 0.5, 1788220800000, 1180))
            : CannedResponse.Ok(EsResponses.EmptySearch));
        using var engine = EsTest.Engine(invoker);

        var result = await engine.SearchOpportunitiesAsync(new OpportunityQuery { Sectors = ["energy"], Page = 60, PageSize = 20 });

        Assert.Equal(60, result.Page);
        var requests = invoker.Significant;
        Assert.Equal(3, requests.Count);
        JsonAssert.Equal(EsTest.Expected("deep-hop-1.json"), requests[0].Body);
        JsonAssert.Equal(EsTest.Expected("deep-hop-2.json"), requests[1].Body);
        JsonAssert.Equal(EsTest.Expected("deep-page.json"), requests[2].Body);
    }

    [Fact]
    public async Task A_deep_page_past_the_last_hit_is_empty_without_a_final_request()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search", CannedResponse.Ok(EsResponses.SortOnlyHits(400, 1, 1, 400)));
        using var engine = EsTest.Engine(invoker);
        var result = await engine.SearchOpportunitiesAsync(new OpportunityQuery { Page = 100, PageSize = 20, Facets = ["sector"] });
        Assert.Single(invoker.Significant);
        Assert.Empty(result.Hits);
        Assert.Equal(400, result.Total);
        Assert.Empty(result.Facets["sector"]);
    }

    [Fact]
    public async Task Investor_search_filters_on_scope_kind_and_country_with_its_own_facets_and_name_highlights()
    {
        var invoker = new CapturingInvoker().On("POST", "/ip-investors/_search", CannedResponse.Ok(EsResponses.EmptySearch));
        using var engine = EsTest.Engine(invoker);
        await engine.SearchInvestorsAsync(new InvestorQuery
        {
            Text = "solar", Sectors = ["energy"], Locations = ["231000"], Kinds = ["fund"], Countries = ["cn"],
            Facets = ["kind", "country", "location", "sector", "mode"], Sort = SearchSort.Newest, Culture = "en",
        });
        var request = Assert.Single(invoker.Significant);
        Assert.Equal("POST /ip-investors/_search?typed_keys=true", request.ToString());
        JsonAssert.Equal(EsTest.Expected("search-investors.json"), request.Body);
    }
}

internal static class JsonNodeExtensions
{
    /// <summary>Bool clauses may be one object or a list; tests read them either way.</summary>
    public static System.Text.Json.Nodes.JsonArray AsArrayOrSelf(this System.Text.Json.Nodes.JsonNode node) =>
        node as System.Text.Json.Nodes.JsonArray ?? [node.DeepClone()];
}
