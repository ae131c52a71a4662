using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using F = InvestPortal.Search.Elasticsearch.ElasticsearchFields;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// Core index documents → Elasticsearch _source. Built as JSON nodes with explicit field names so the indexed
/// shape is exactly the mapping's, whatever the client's source serializer settings are.
/// </summary>
internal static class ElasticsearchDocuments
{
    /// <summary>The Core document's own JSON form (the one the Lucene engine stores too).</summary>
    public static readonly JsonSerializerOptions CoreJson = new(JsonSerializerDefaults.Web);

    public static JsonObject From(OpportunityDocument o)
    {
        var doc = Common(o.Id, o.ExternalRef, o.OriginalCulture, o.Texts.Keys, o.Concepts, o.LocationPath,
            Cultures.All.Select(o.AllText));
        foreach (var (culture, text) in o.Texts.Where(t => Cultures.IsSupported(t.Key)))
        {
            AddText(doc, "title", culture, text.Title);
            AddText(doc, "summary", culture, text.Summary);
            AddText(doc, "description", culture, text.Description);
        }
        doc[F.Sector] = o.Sector;
        doc[F.Location] = o.Location;
        if (o.PartnerRegion is not null) doc[F.PartnerRegion] = o.PartnerRegion;
        doc[F.Modes] = Array(o.Modes);
        if (o.Stage is not null) doc[F.Stage] = o.Stage;
        if (o.AmountCny is { } amount) doc[F.AmountCny] = amount;
        if (o.Position is { } at) doc[F.Position] = new JsonObject { ["lat"] = at.Latitude, ["lon"] = at.Longitude };
        if (o.NearestCrossingKm is { } km) doc[F.NearestCrossingKm] = km;
        doc[F.CrossingBand] = Array(o.CrossingBands);
        doc[F.Crossing] = Array(o.NearbyCrossings);
        doc[F.CrossingKey] = Array(o.CrossingBandKeys);
        doc[F.Published] = o.PublishedAt.ToUniversalTime();
        doc[F.Doc] = JsonSerializer.SerializeToNode(o, CoreJson);
        return doc;
    }

    public static JsonObject From(InvestorDocument i)
    {
        var doc = Common(i.Id, i.ExternalRef, i.OriginalCulture, i.Texts.Keys, i.Concepts, i.LocationPath,
            Cultures.All.Select(i.AllText));
        foreach (var (culture, text) in i.Texts.Where(t => Cultures.IsSupported(t.Key)))
        {
            AddText(doc, "name", culture, text.Name);
            AddText(doc, "description", culture, text.Description);
        }
        doc[F.Sectors] = Array(i.Sectors);
        doc[F.LocationScope] = Array(i.LocationScope);
        doc[F.Modes] = Array(i.Modes);
        doc[F.Kind] = i.Kind;
        if (!string.IsNullOrEmpty(i.Country)) doc[F.Country] = i.Country;
        doc[F.Updated] = i.UpdatedAt.ToUniversalTime();
        doc[F.Doc] = JsonSerializer.SerializeToNode(i, CoreJson);
        return doc;
    }

    /// <summary>A saved search as a percolator document: the stored query JSON (from the client's request serializer) and its id.</summary>
    public static JsonObject SavedSearch(Guid id, JsonNode query) => new()
    {
        [F.Id] = id.ToString(),
        [F.Query] = query,
    };

    private static JsonObject Common(Guid id, string externalRef, string original, IEnumerable<string> cultures,
        IReadOnlyList<string> concepts, IReadOnlyList<string> locationPath, IEnumerable<string> allTexts)
    {
        var doc = new JsonObject
        {
            [F.Id] = id.ToString(),
            [F.Ref] = externalRef,
            [F.OriginalCulture] = original,
            [F.Cultures] = Array(cultures.Where(Cultures.IsSupported).Order(StringComparer.Ordinal)),
            [F.Concepts] = Array(concepts),
            [F.LocationPath] = Array(locationPath),
        };
        foreach (var (culture, all) in Cultures.All.Zip(allTexts))
            if (!string.IsNullOrWhiteSpace(all)) doc[F.All(culture)] = all;
        return doc;
    }

    private static void AddText(JsonObject doc, string field, string culture, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text)) doc[F.Text(field, culture)] = text;
    }

    private static JsonArray Array(IEnumerable<string> values) =>
        new([.. values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v))]);
}
