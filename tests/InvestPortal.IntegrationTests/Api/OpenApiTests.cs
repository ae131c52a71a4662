using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvestPortal.Testing;
using InvestPortal.Web.Api;
using Json.Schema;

namespace InvestPortal.IntegrationTests.Api;

/// <summary>
/// README "Public API": /openapi/v1.json documents every operation, parameter and status (zh/ru/en under x-localized),
/// real answers of every endpoint match the document's schemas, a standard validator (swagger-parser from npm)
/// accepts it, and /{c}/api shows it to people.
/// </summary>
public abstract class OpenApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonObject> DocumentAsync()
    {
        var response = await _client.GetAsync(ApiDocumentation.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Operation(JsonObject document, ApiDocOperation operation) =>
        document["paths"]![operation.Path]![operation.Method.ToLowerInvariant()]!.AsObject();

    [Fact]
    public async Task The_document_describes_every_parameter_and_status_with_examples_and_texts_in_three_languages()
    {
        var document = await DocumentAsync();
        Assert.Equal(ApiDocumentation.Operations.Count, document["paths"]!.AsObject().Sum(p => p.Value!.AsObject().Count));
        foreach (var expected in ApiDocumentation.Operations)
        {
            var operation = Operation(document, expected);
            Assert.Equal(expected.Id, operation["operationId"]!.GetValue<string>());
            AssertTrilingual(operation, "summary");
            var parameters = operation["parameters"]!.AsArray().Select(p => p!.AsObject()).ToList();
            Assert.Equal(expected.Parameters.Select(p => p.Name).Order(), parameters.Select(p => p["name"]!.GetValue<string>()).Order());
            foreach (var parameter in parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter["description"]?.GetValue<string>()), $"{expected.Id} {parameter["name"]}: no description");
                Assert.NotNull(parameter["example"]);
                AssertTrilingual(parameter, "description");
            }
            var responses = operation["responses"]!.AsObject();
            Assert.Equal(expected.Statuses.Select(s => s.ToString()).Order(), responses.Select(r => r.Key).Order());
            foreach (var (status, response) in responses)
            {
                AssertTrilingual(response!.AsObject(), "description");
                var content = response["content"]!.AsObject();
                var (mediaType, media) = content.Single();
                Assert.Equal(status == "200" ? "application/json" : "application/problem+json", mediaType);
                Assert.NotNull(media!["example"]);
                // Each example is a valid answer.
                AssertValid(document, media["schema"]!, media["example"]!, $"{expected.Id} {status} example");
                if (status != "200")
                {
                    var problems = response["x-localized"]!["problem"]!;
                    Assert.NotEqual(problems["zh"]!["title"]!.GetValue<string>(), problems["ru"]!["title"]!.GetValue<string>());
                }
            }
        }
    }

    private static void AssertTrilingual(JsonObject node, string field)
    {
        var texts = node["x-localized"]?[field];
        Assert.NotNull(texts);
        foreach (var culture in new[] { "zh", "ru", "en" })
            Assert.False(string.IsNullOrWhiteSpace(texts[culture]?.GetValue<string>()), $"{field} has no {culture} text");
        Assert.Equal(texts["en"]!.GetValue<string>(), node[field]!.GetValue<string>());
    }

    public static TheoryData<string, int> Requests => new()
    {
        { "/api/v1/opportunities?q=timber&lang=ru", 200 },
        { "/api/v1/opportunities?sector=agri-food&sector=energy&sort=amount-desc&pageSize=5&lang=zh", 200 },
        { "/api/v1/opportunities?minAmount=1000000&maxAmount=5000000000&currency=CNY&page=2", 200 },
        { "/api/v1/opportunities?page=two&lang=ru", 400 },
        { "/api/v1/opportunities?minAmount=1.005", 400 },
        { "/api/v1/opportunities?currency=XYZ&lang=zh", 400 },
        { "/api/v1/opportunities/DEMO-HLJ-0001", 200 },
        { "/api/v1/opportunities/NO-SUCH-REF?lang=ru", 404 },
        { "/api/v1/taxonomy", 200 },
        { "/api/v1/opportunities?q=" + new string('a', 5000), 414 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_real_answer_matches_the_documented_schema_of_its_status(string url, int status)
    {
        var document = await DocumentAsync();
        var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);

        var path = new Uri("http://x" + url).AbsolutePath;
        var expected = ApiDocumentation.Operations.FirstOrDefault(o => o.Path == path)
            ?? ApiDocumentation.Operations.Single(o => o.Path.Contains('{', StringComparison.Ordinal));
        var documented = Operation(document, expected)["responses"]![status.ToString()];
        Assert.NotNull(documented);
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        var media = documented["content"]![mediaType];
        Assert.True(media is not null, $"{mediaType} is not documented for {status}");
        AssertValid(document, media["schema"]!, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, url);
    }

    [Fact]
    public async Task A_standard_OpenAPI_validator_accepts_the_document()
    {
        var file = Path.Combine(TestPaths.NewTempFolder("investportal-openapi"), "v1.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString());
        var tools = Path.Combine(Path.GetDirectoryName(TestPaths.Content)!, "tests", "tools");
        Assert.True(File.Exists(Path.Combine(tools, "node_modules", "@apidevtools", "swagger-parser", "package.json")), "run: cd tests/tools && npm ci");
        var info = new ProcessStartInfo("node") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", "require('@apidevtools/swagger-parser').validate(process.argv[1]).then(a => console.log('valid ' + a.openapi), e => { console.error(e.message); process.exit(1); })", file })
            info.ArgumentList.Add(argument);
        using var node = Process.Start(info)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        Assert.StartsWith("valid 3.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "Поиск инвестиционных проектов", "Нет опубликованного проекта с таким id или внешним номером.")]
    [InlineData("zh", "搜索投资项目", "没有具有该 id 或外部编号的已发布项目。")]
    public async Task The_API_page_shows_the_documents_operations_parameters_and_errors_in_the_page_language(string culture, string summary, string notFound)
    {
        var page = await _client.GetDocumentAsync($"/{culture}/api");
        var text = page.Body!.TextContent;
        Assert.Contains(summary, text, StringComparison.Ordinal);
        Assert.Contains(notFound, text, StringComparison.Ordinal);
        foreach (var parameter in ApiDocumentation.Operations.SelectMany(o => o.Parameters))
            Assert.Contains(parameter.Name, text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{ApiDocumentation.DocumentPath}']"));

        var home = await _client.GetDocumentAsync($"/{culture}/");
        Assert.NotNull(home.QuerySelector($"footer a[href='/{culture}/api']"));
    }

    [Fact]
    public async Task The_schema_check_refuses_an_answer_that_lacks_a_documented_field()
    {
        var document = await DocumentAsync();
        var schema = Operation(document, ApiDocumentation.Operations.Single(o => o.Id == "GetOpportunity"))["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var answer = JsonNode.Parse(await _client.GetStringAsync("/api/v1/opportunities/DEMO-HLJ-0001"))!.AsObject();
        answer.Remove("externalRef");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertValid(document, schema, answer, "an answer without externalRef"));
    }

    /// <summary>Validates <paramref name="instance"/> against a schema of the document, its $refs resolved among the document's schemas.</summary>
    private static void AssertValid(JsonObject document, JsonNode schema, JsonNode instance, string what)
    {
        var components = document["components"]?["schemas"]?.ToJsonString() ?? "{}";
        var wrapper = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        wrapper["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        wrapper["$defs"] = JsonNode.Parse(components.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
        var compiled = JsonSchema.FromText(wrapper.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://investportal.test/schemas/{Guid.NewGuid():N}"));
        using var json = JsonDocument.Parse(instance.ToJsonString());
        var result = compiled.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what} does not match its schema: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))));
    }
}

public sealed class OpenApiOnSqlite(SqlitePortalFactory factory) : OpenApiTests<SqlitePortalFactory>(factory);
