using System.Text.Json.Nodes;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Api;

/// <summary>
/// The public API as the OpenAPI document describes it (/openapi/v1.json, README "Public API"). The search endpoint
/// parses its own parameters (numbers as text, so a bad one is a localized problem, and repeated filters), so the
/// framework cannot infer them: they are listed here, next to the statuses each endpoint can answer with.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    /// <summary>An OpenAPI extension on operations, parameters and responses: the same texts in zh, ru and en.</summary>
    public const string LocalizedExtension = "x-localized";

    // Statuses every API answer can have: a too long address, the rate limit, a crash.
    private static readonly int[] Always = [414, 429, 500];

    private static readonly ApiDocParameter Lang = new("lang", "query", "string", false, false, "ru", ["zh", "ru", "en"]);

    public static IReadOnlyList<ApiDocOperation> Operations { get; } =
    [
        new("SearchOpportunities", "GET", "/api/v1/opportunities",
        [
            new("q", "query", "string", false, false, "大豆 加工"),
            Lang,
            new("sector", "query", "string", false, true, "agri-food"),
            new("location", "query", "string", false, true, "231100"),
            new("partnerRegion", "query", "string", false, true, "RU-AMU"),
            new("mode", "query", "string", false, true, "joint-venture"),
            new("stage", "query", "string", false, true, "approved"),
            new("minAmount", "query", "number", false, false, 1000000),
            new("maxAmount", "query", "number", false, false, 50000000),
            new("currency", "query", "string", false, false, "CNY", MoneyRule.Currencies.ToList()),
            new("sort", "query", "string", false, false, "newest", OpportunitySearchForm.SortCodes),
            new("page", "query", "integer", false, false, 1),
            new("pageSize", "query", "integer", false, false, OpportunityQuery.DefaultPageSize),
        ], [200, 400, 503, .. Always]),
        new("GetOpportunity", "GET", "/api/v1/opportunities/{idOrRef}",
        [
            new("idOrRef", "path", "string", true, false, "DEMO-HLJ-0001"),
            Lang,
        ], [200, 404, .. Always]),
        new("GetTaxonomy", "GET", "/api/v1/taxonomy", [Lang], [200, .. Always]),
    ];

    /// <summary>The problem each error status answers with, as an example (title and detail as in English).</summary>
    public static (string TitleKey, string DetailKey, object[] Arguments) ExampleProblem(int status) => status switch
    {
        400 => ("Error.BadRequestTitle", "Api.Error.NotAWholeNumber", ["page"]),
        404 => ("Error.NotFoundTitle", "Api.Error.OpportunityNotFound", []),
        _ => (Infrastructure.ErrorTexts.KeyFor(status) + "Title", Infrastructure.ErrorTexts.KeyFor(status), []),
    };

    public static JsonNode Example(this ApiDocParameter parameter) => parameter.Repeatable ? new JsonArray(parameter.Example.DeepClone()) : parameter.Example.DeepClone();
}
