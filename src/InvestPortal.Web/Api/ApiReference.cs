using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InvestPortal.Web.Api;

/// <summary>
/// Reads the OpenAPI document the portal serves (the same one as /openapi/v1.json) for the API page: operations,
/// parameters and statuses, with the texts of the page's language from the document's <c>x-localized</c> extension.
/// </summary>
public sealed class ApiReference(IServiceProvider services)
{
    public async Task<(string Title, string Intro, IReadOnlyList<ApiReferenceOperation> Operations)> ReadAsync(string culture, CancellationToken ct = default)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocumentation.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var operations = new List<ApiReferenceOperation>();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = (operation.Parameters ?? []).Select(p => new ApiReferenceParameter(
                    p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", TypeOf(p.Schema), p.Required,
                    Localized(p.Extensions, "description", culture) ?? p.Description ?? "", p.Example?.ToJsonString(),
                    (p.Schema?.Items ?? p.Schema)?.Enum?.Select(v => v.ToString()).ToList() ?? [])).ToList();
                var responses = (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                {
                    var problem = LocalizedNode(r.Value.Extensions, "problem")?[culture];
                    return new ApiReferenceResponse(r.Key, Localized(r.Value.Extensions, "description", culture) ?? r.Value.Description ?? "",
                        r.Value.Content?.Keys.FirstOrDefault(), problem?["title"]?.GetValue<string>(), problem?["detail"]?.GetValue<string>());
                }).ToList();
                operations.Add(new ApiReferenceOperation(operation.OperationId ?? "", method.Method, path,
                    Localized(operation.Extensions, "summary", culture) ?? operation.Summary ?? "",
                    Localized(operation.Extensions, "description", culture) ?? operation.Description ?? "", parameters, responses));
            }
        }
        return (Localized(document.Info.Extensions, "title", culture) ?? document.Info.Title ?? "",
            Localized(document.Info.Extensions, "description", culture) ?? document.Info.Description ?? "", operations);
    }

    private static string TypeOf(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        { Type: { } t } when t.HasFlag(JsonSchemaType.Array) => TypeOf(schema.Items) + "[]",
        { Type: { } t } => t.ToString().ToLowerInvariant(),
        _ => "",
    };

    private static JsonNode? LocalizedNode(IDictionary<string, IOpenApiExtension>? extensions, string field) =>
        extensions?.TryGetValue(ApiDocumentation.LocalizedExtension, out var extension) == true && extension is JsonNodeExtension node
            ? node.Node[field] : null;

    private static string? Localized(IDictionary<string, IOpenApiExtension>? extensions, string field, string culture) =>
        LocalizedNode(extensions, field)?[culture]?.GetValue<string>();
}
