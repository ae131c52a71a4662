using System.Text.Json;
using System.Text.Json.Nodes;
using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace InvestPortal.Web.Api;

/// <summary>
/// Completes the generated document from <see cref="ApiDocumentation"/>: every parameter with its type, example and
/// description, every status with its description and (for errors) an example problem. Texts are English in the
/// standard fields, which every OpenAPI tool shows, and in zh, ru and en under <c>x-localized</c>, which the
/// portal's own API page (/{c}/api) reads; the standard has no place for translations.
/// </summary>
public sealed class ApiDocumentTransformer(IStringLocalizer<SharedResource> localizer) : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string ProblemMediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = En("Api.Doc.Title");
        document.Info.Description = En("Api.Doc.Intro");
        document.Info.Version = "v1";
        document.Info.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Info.Extensions[ApiDocumentation.LocalizedExtension] = new JsonNodeExtension(new JsonObject
        {
            ["title"] = ApiDocTexts.Trilingual(localizer, "Api.Doc.Title"),
            ["description"] = ApiDocTexts.Trilingual(localizer, "Api.Doc.Intro"),
        });
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var described = context.Description;
        var doc = ApiDocumentation.Operations.FirstOrDefault(o =>
            string.Equals(o.Method, described.HttpMethod, StringComparison.OrdinalIgnoreCase) && o.Path.TrimStart('/') == described.RelativePath);
        if (doc is null) return Task.CompletedTask;

        operation.OperationId = doc.Id;
        operation.Summary = En(doc.SummaryKey);
        operation.Description = En(doc.DescriptionKey);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[ApiDocumentation.LocalizedExtension] = new JsonNodeExtension(new JsonObject
        {
            ["summary"] = ApiDocTexts.Trilingual(localizer, doc.SummaryKey),
            ["description"] = ApiDocTexts.Trilingual(localizer, doc.DescriptionKey),
        });
        operation.Parameters = doc.Parameters.Select(Parameter).ToList();

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in doc.Statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
                operation.Responses[key] = response = new OpenApiResponse();
            response.Description = En(doc.ResponseKey(status));
            var localized = new JsonObject { ["description"] = ApiDocTexts.Trilingual(localizer, doc.ResponseKey(status)) };
            if (status == 200)
            {
                if (response.Content?.TryGetValue("application/json", out var media) == true)
                    media.Example = ApiDocExamples.For(doc.Id);
            }
            else
            {
                var (titleKey, detailKey, arguments) = ApiDocumentation.ExampleProblem(status);
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!response.Content.TryGetValue(ProblemMediaType, out var problemMedia))
                    response.Content[ProblemMediaType] = problemMedia = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference("ProblemDetails", context.Document),
                    };
                problemMedia.Example = Problem(status, En(titleKey), En(detailKey, arguments));
                var problems = new JsonObject();
                foreach (var culture in Cultures.All)
                    problems[culture] = Problem(status, ApiDocTexts.In(localizer, culture, titleKey), ApiDocTexts.In(localizer, culture, detailKey, arguments));
                localized["problem"] = problems;
            }
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions[ApiDocumentation.LocalizedExtension] = new JsonNodeExtension(localized);
        }
        return Task.CompletedTask;
    }

    private IOpenApiParameter Parameter(ApiDocParameter p)
    {
        var type = p.Type switch { "integer" => JsonSchemaType.Integer, "number" => JsonSchemaType.Number, _ => JsonSchemaType.String };
        var schema = new OpenApiSchema { Type = type };
        if (p.Values is { } values) schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        return new OpenApiParameter
        {
            Name = p.Name,
            In = p.In == "path" ? ParameterLocation.Path : ParameterLocation.Query,
            Required = p.Required,
            Description = En(p.TextKey),
            Schema = p.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            Style = p.In == "path" ? ParameterStyle.Simple : ParameterStyle.Form,
            Explode = p.Repeatable,
            Example = p.Example(),
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                [ApiDocumentation.LocalizedExtension] = new JsonNodeExtension(new JsonObject { ["description"] = ApiDocTexts.Trilingual(localizer, p.TextKey) }),
            },
        };
    }

    private static JsonObject Problem(int status, string title, string detail) =>
        new() { ["title"] = title, ["status"] = status, ["detail"] = detail };

    private string En(string key, params object[] arguments) => ApiDocTexts.In(localizer, Cultures.En, key, arguments);
}
