using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using F = InvestPortal.Search.Elasticsearch.ElasticsearchFields;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>The part of a hit's _source the engine reads back (searches ask only for these fields).</summary>
internal sealed class HitSource
{
    [JsonPropertyName(F.Id)] public string? Id { get; set; }
    [JsonPropertyName(F.Ref)] public string? Ref { get; set; }
    [JsonPropertyName(F.OriginalCulture)] public string? OriginalCulture { get; set; }
    [JsonPropertyName(F.Cultures)] public List<string>? Cultures { get; set; }
    /// <summary>Only requested by matching, which needs the whole Core document.</summary>
    [JsonPropertyName(F.Doc)] public JsonElement? Doc { get; set; }

    public static readonly IReadOnlyList<string> SearchFields = [F.Id, F.Ref, F.OriginalCulture, F.Cultures];

    /// <summary>The requested culture if the document is written in it, else its original, else any it has.</summary>
    public string? HighlightCulture(string requested)
    {
        var have = Cultures ?? [];
        if (have.Contains(requested)) return requested;
        if (OriginalCulture is not null && have.Contains(OriginalCulture)) return OriginalCulture;
        return InvestPortal.Core.Domain.Cultures.All.FirstOrDefault(have.Contains);
    }

    public T? ReadDoc<T>() where T : class =>
        Doc is { ValueKind: JsonValueKind.Object } d ? d.Deserialize<T>(ElasticsearchDocuments.CoreJson) : null;
}
