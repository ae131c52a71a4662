using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvestPortal.Web.Api;

/// <summary>Example answers of the OpenAPI document: real response records, serialized as the API serializes them.</summary>
public static class ApiDocExamples
{
    private static readonly Guid ExampleId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly ApiInvestment Investment = new(480000000m, "CNY", 20000000m);

    public static JsonNode? For(string operationId) => operationId switch
    {
        "SearchOpportunities" => JsonSerializer.SerializeToNode(new ApiPage<ApiOpportunityItem>(1, 1, 20,
            [new(ExampleId, "DEMO-HLJ-0001", "heihe-soybean-crushing", "Переработка 300 тыс. т российской сои без ГМО в Хэйхэ",
                "Завод по переработке сои из Амурской области.", "agri-food", "231100", Investment,
                "/ru/opportunities/heihe-soybean-crushing", 7.25, ["<mark>сои</mark> из Амурской области"], "ru", true)],
            new Dictionary<string, IReadOnlyDictionary<string, long>> { ["sector"] = new Dictionary<string, long> { ["agri-food"] = 1 } }), JsonSerializerOptions.Web),
        "GetOpportunity" => JsonSerializer.SerializeToNode(new ApiOpportunityDetail(ExampleId, "DEMO-HLJ-0001", "heihe-soybean-crushing", "published",
            "agri-food", "231100", "RU-AMU", Investment, ["joint-venture"], "approved", ["soybean"], "黑河市商务局", "zh",
            new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string> { ["zh"] = "黑河大豆精深加工项目", ["en"] = "Heihe soybean crushing plant" },
            new Dictionary<string, string> { ["en"] = "A crushing plant for non-GMO soybeans from Amur Oblast." },
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["zh"] = "/zh/opportunities/heihe-soybean-crushing", ["ru"] = "/ru/opportunities/heihe-soybean-crushing", ["en"] = "/en/opportunities/heihe-soybean-crushing" },
            true), JsonSerializerOptions.Web),
        "GetTaxonomy" => JsonSerializer.SerializeToNode(new Dictionary<string, IReadOnlyList<ApiTaxonomyTerm>>
        {
            ["sectors"] = [new("agri-food", null, new Dictionary<string, string> { ["zh"] = "农业和食品", ["ru"] = "АПК и пищевая промышленность", ["en"] = "Agriculture and food" })],
        }, JsonSerializerOptions.Web),
        _ => null,
    };
}
