using Xunit;
using System.Text.Json.Nodes;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Search.Elasticsearch;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>
/// Amount filters give the same answer on both engines at the boundary. Elasticsearch's scaled_float (factor 100)
/// stores round(v·100) (Java Math.round) and turns gte into ceil(bound·100) and lte into floor(bound·100), computed
/// in doubles; Core (and so the Lucene engine) compares the decimals. The arithmetic below is Elasticsearch's own
/// (ScaledFloatFieldMapper), applied to the bounds the engine actually sends.
/// </summary>
public sealed class ElasticsearchAmountBoundaryTests
{
    private static long Stored(decimal amount) => (long)Math.Floor((double)amount * 100 + 0.5);

    private readonly CapturingInvoker _invoker = new CapturingInvoker().On("POST", "/ip-opportunities/_search", CannedResponse.Ok(EsResponses.EmptySearch));
    private readonly ElasticsearchSearchEngine _engine;

    public ElasticsearchAmountBoundaryTests() => _engine = EsTest.Engine(_invoker);

    private async Task<(double? Gte, double? Lte)> SentBounds(decimal? min, decimal? max)
    {
        var invoker = _invoker;
        var engine = _engine;
        invoker.Requests.Clear();
        await engine.SearchOpportunitiesAsync(new OpportunityQuery { MinAmount = min, MaxAmount = max, Currency = "CNY" });
        var body = invoker.Significant[^1].Body;
        // The client writes a one-clause filter as an object, several as an array.
        var filter = JsonNode.Parse(body)?["query"]?["bool"]?["filter"];
        var range = (filter is JsonArray array ? array[0] : filter)?["range"]?["amount_cny"] ?? throw new Xunit.Sdk.XunitException(body);
        return ((double?)range["gte"], (double?)range["lte"]);
    }

    [Fact]
    public async Task A_listing_exactly_at_either_bound_is_in_on_Elasticsearch_as_in_Core_for_every_fen_up_to_four_yuan_and_large_amounts()
    {
        var disagreements = new List<string>();
        var fens = Enumerable.Range(1, 400).Select(f => (long)f).Concat([123_456_789L, 30_000_000_007L, 9_999_999_999L]);
        foreach (var fen in fens)
        {
            var bound = fen / 100m;
            var (gte, _) = await SentBounds(bound, null);
            var (_, lte) = await SentBounds(null, bound);
            var lo = (long)Math.Ceiling(gte!.Value * 100);
            var hi = (long)Math.Floor(lte!.Value * 100);
            foreach (var amount in new[] { bound - 0.01m, bound, bound + 0.01m })
            {
                if (Stored(amount) >= lo != amount >= bound) disagreements.Add($"{amount} ≥ {bound}");
                if (Stored(amount) <= hi != amount <= bound) disagreements.Add($"{amount} ≤ {bound}");
            }
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, e.g. {string.Join(", ", disagreements.Take(5))}");
    }

    [Fact]
    public void Converted_amounts_are_rounded_to_the_fen_half_away_from_zero()
    {
        var rates = new ExchangeRateTable([new ExchangeRate { Currency = "XTS", AsOf = new DateOnly(2026, 1, 1), RateToCny = 0.125m }]);
        Assert.Equal(0.13m, rates.ToCny(1m, "XTS"));
        Assert.Equal(1.38m, rates.ToCny(11m, "XTS"));
        Assert.Equal(12.35m, rates.ToCny(12.345m, "CNY"));
        // Conversion between two currencies keeps the exact rates.
        Assert.Equal(0.0625m, rates.Convert(0.5m, "XTS", "CNY"));
    }

    [Fact]
    public void A_search_bound_in_another_currency_is_a_fen_value_so_the_engines_compare_the_same_numbers()
    {
        var rates = new ExchangeRateTable([new ExchangeRate { Currency = "XTS", AsOf = new DateOnly(2026, 1, 1), RateToCny = 0.125m }]);
        var semantics = new SearchSemantics(SearchTestData.Taxonomy, rates, SearchTestData.Glossary);
        var plan = semantics.Plan(new OpportunityQuery { MinAmount = 1m, MaxAmount = 11m, Currency = "XTS" });
        Assert.Equal(0.13m, plan.MinAmountCny);
        Assert.Equal(1.38m, plan.MaxAmountCny);
    }
}
