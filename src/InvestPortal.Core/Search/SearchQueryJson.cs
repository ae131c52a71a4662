using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvestPortal.Core.Search;

/// <summary>The stored form of a saved search (<c>SavedSearch.QueryJson</c>): web JSON, enums as strings.</summary>
public static class SearchQueryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(OpportunityQuery query) => JsonSerializer.Serialize(query, Options);

    /// <summary>The query, or null when the JSON is not a valid query.</summary>
    public static OpportunityQuery? TryDeserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<OpportunityQuery>(json, Options); }
        catch (JsonException) { return null; }
    }
}
