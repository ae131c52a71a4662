using Xunit;
using InvestPortal.Testing;

namespace InvestPortal.UnitTests.Search.Elasticsearch.Spec;

/// <summary>
/// The validator every captured Elasticsearch request goes through (<see cref="CapturingInvoker"/>) must be able to
/// fail: deliberately broken bodies of the kinds a hand-edited request gets wrong are each rejected with the reason.
/// </summary>
public sealed class EsSpecValidatorTests
{
    private static List<string> Search(string body) => EsSpecValidator.Instance.Validate("POST", "/ip-opportunities/_search", body);

    [Fact]
    public void The_request_bodies_the_engine_is_expected_to_send_conform()
    {
        var expected = Path.Combine(AppContext.BaseDirectory, "Search", "Elasticsearch", "Expected");
        foreach (var file in Directory.GetFiles(expected))
        {
            var name = Path.GetFileName(file);
            var (method, path) = name switch
            {
                _ when name.StartsWith("create-", StringComparison.Ordinal) => ("PUT", "/ip-opportunities-v1"),
                _ when name.StartsWith("bulk-", StringComparison.Ordinal) => ("POST", "/ip-opportunities/_bulk"),
                "alias-swap.json" => ("POST", "/_aliases"),
                _ => ("POST", "/ip-opportunities/_search"),
            };
            var body = File.ReadAllText(file);
            if (name.EndsWith(".ndjson", StringComparison.Ordinal) && !body.EndsWith('\n')) body += "\n";
            Assert.True(EsSpecValidator.Instance.Validate(method, path, body) is [], $"{name}: {string.Join("; ", EsSpecValidator.Instance.Validate(method, path, body))}");
        }
    }

    [Fact]
    public void A_misspelt_property_is_rejected()
    {
        var errors = Search("""{"query":{"bool":{"filtr":[{"term":{"sector":"energy"}}]}}}""");
        Assert.Contains(errors, e => e.Contains("unknown property 'filtr'"));
    }

    [Fact]
    public void A_misspelt_top_level_property_is_rejected()
    {
        Assert.Contains(Search("""{"query":{"match_all":{}},"track_total":true}"""), e => e.Contains("unknown property 'track_total'"));
    }

    [Fact]
    public void A_wrong_enum_value_is_rejected()
    {
        var errors = Search("""{"query":{"multi_match":{"query":"timber","fields":["all_en"],"type":"most_field"}}}""");
        Assert.Contains(errors, e => e.Contains("'most_field' is not a TextQueryType"));
        Assert.Contains(Search("""{"sort":[{"published":{"order":"descending"}}]}"""), e => e.Contains("matches none") || e.Contains("is not a SortOrder"));
    }

    [Fact]
    public void A_value_of_the_wrong_union_shape_is_rejected()
    {
        // track_total_hits is a boolean or an integer; terms takes a list of values (or a lookup), not one value.
        Assert.Contains(Search("""{"track_total_hits":"yes"}"""), e => e.Contains("$.track_total_hits") && e.Contains("matches none"));
        Assert.NotEmpty(Search("""{"query":{"terms":{"sector":"energy"}}}"""));
    }

    [Fact]
    public void A_query_with_two_variants_in_one_container_is_rejected()
    {
        Assert.Contains(Search("""{"query":{"match_all":{},"term":{"sector":"energy"}}}"""), e => e.Contains("exactly one variant"));
    }

    [Fact]
    public void A_broken_alias_action_and_a_broken_mapping_are_rejected()
    {
        Assert.Contains(EsSpecValidator.Instance.Validate("POST", "/_aliases", """{"actions":[{"remove":{"index":"a","alias":"b","must_exists":true}}]}"""),
            e => e.Contains("must_exists"));
        Assert.NotEmpty(EsSpecValidator.Instance.Validate("PUT", "/ip-opportunities-v1",
            """{"mappings":{"properties":{"amount":{"type":"scaled_float","scaling":100}}}}"""));
    }

    [Fact]
    public void A_bulk_with_an_unknown_action_or_parameter_is_rejected()
    {
        Assert.NotEmpty(EsSpecValidator.Instance.Validate("POST", "/ip-opportunities/_bulk", "{\"indx\":{\"_id\":\"1\"}}\n{}\n"));
        Assert.Contains(EsSpecValidator.Instance.Validate("POST", "/ip-opportunities/_bulk?require_alais=true", "{\"delete\":{\"_id\":\"1\"}}\n"),
            e => e.Contains("require_alais"));
        Assert.Contains(EsSpecValidator.Instance.Validate("POST", "/ip-opportunities/_bulk?refresh=wait", "{\"delete\":{\"_id\":\"1\"}}\n"),
            e => e.Contains("'wait'"));
    }

    [Fact]
    public void A_missing_specification_fails_instead_of_passing_everything()
    {
        var missing = Path.Combine(TestPaths.NewTempFolder(), "schema.json");
        Assert.Throws<FileNotFoundException>(() => new EsSpecValidator(missing));
        Assert.True(File.Exists(EsSpecValidator.SchemaPath), $"{EsSpecValidator.SchemaPath} is missing: run npm ci in tests/tools");
    }

    [Fact]
    public void A_request_to_an_endpoint_that_does_not_exist_is_rejected()
    {
        Assert.NotEmpty(EsSpecValidator.Instance.Validate("POST", "/ip-opportunities/_serach", "{}"));
    }
}
