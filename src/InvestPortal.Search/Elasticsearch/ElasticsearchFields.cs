using System.Globalization;
using InvestPortal.Core.Domain;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>Field names shared by the mappings, the documents and the queries.</summary>
internal static class ElasticsearchFields
{
    public const string Id = "id";
    public const string Ref = "ref";
    public const string OriginalCulture = "original_culture";
    /// <summary>The cultures the texts are written in: decides which culture's highlights a hit shows.</summary>
    public const string Cultures = "cultures";
    public const string Concepts = "concepts";
    public const string Sector = "sector";
    public const string Sectors = "sectors";
    public const string Location = "location";
    public const string LocationPath = "location_path";
    public const string LocationScope = "location_scope";
    public const string PartnerRegion = "partner_region";
    public const string Modes = "modes";
    public const string Stage = "stage";
    public const string Kind = "kind";
    public const string Country = "country";
    public const string AmountCny = "amount_cny";
    /// <summary>geo_point: the listing's own point or its location's.</summary>
    public const string Position = "position";
    public const string NearestCrossingKm = "nearest_crossing_km";
    /// <summary>"10" / "50" / "150": within that many km of some crossing (precomputed, as on Lucene).</summary>
    public const string CrossingBand = "crossing_band";
    /// <summary>Codes of the crossings within 150 km.</summary>
    public const string Crossing = "crossing";
    /// <summary>"code:band": within band km of that crossing (used for a crossing the portal no longer knows).</summary>
    public const string CrossingKey = "crossing_key";
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Doc = "doc";
    public const string Query = "query";

    public static string All(string culture) => $"all_{culture}";
    public static string Text(string field, string culture) => $"{field}_{culture}";

    /// <summary>Defined in each index's settings (<see cref="ElasticsearchIndices.RussianAnalysis"/>).</summary>
    public const string RussianAnalyzer = "russian_short_stems";

    public static string Analyzer(string culture) => culture switch
    {
        InvestPortal.Core.Domain.Cultures.Zh => "cjk",
        InvestPortal.Core.Domain.Cultures.Ru => RussianAnalyzer,
        _ => "english",
    };

    public static readonly IReadOnlyList<string> OpportunityTextFields = ["title", "summary", "description"];
    public static readonly IReadOnlyList<string> InvestorTextFields = ["name", "description"];
}
