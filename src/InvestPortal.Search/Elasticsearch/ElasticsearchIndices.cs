using System.Globalization;
using InvestPortal.Core.Domain;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// The three indices and their mappings. Every index is versioned ("{alias}-v{stamp}") and reached only through
/// its alias, so a rebuild fills fresh indices and swaps all three aliases in one atomic _aliases call.
/// Analysis uses only built-in parts (no plugins): the <c>cjk</c> and <c>english</c> analyzers and, for Russian, the
/// <c>russian</c> analyzer's chain with short stems kept as written (<see cref="RussianAnalysis"/>), the Elasticsearch
/// counterparts of the Lucene engine's ChineseBigramAnalyzer, RussianShortStemAnalyzer and EnglishStemAnalyzer.
/// </summary>
internal sealed class ElasticsearchIndices
{
    /// <summary>Bumped when a mapping changes: an index of another schema is reported as needing a rebuild.</summary>
    public const int SchemaVersion = 3;
    public const string MetaSchema = "investportal_schema";
    public const string MetaNeedsRebuild = "investportal_needs_rebuild";
    /// <summary>The first indices, created on demand, have a fixed name so two nodes starting at once cannot both create one.</summary>
    public const string BootstrapVersion = "v0";

    public ElasticsearchIndices(string prefix)
    {
        var p = prefix.Trim().ToLowerInvariant();
        if (p.Length == 0 || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || p[0] is '-' or '_')
            throw new ArgumentException($"Index prefix '{prefix}' must be lowercase letters, digits, '-' or '_' and start with a letter or digit.", nameof(prefix));
        Opportunities = p + "-opportunities";
        Investors = p + "-investors";
        SavedSearches = p + "-saved-searches";
    }

    /// <summary>Alias names; searches and ordinary writes use only these.</summary>
    public string Opportunities { get; }
    public string Investors { get; }
    public string SavedSearches { get; }
    public IReadOnlyList<string> Aliases => [Opportunities, Investors, SavedSearches];

    public static string Versioned(string alias, string version) => $"{alias}-{version}";

    public static string RebuildVersion(DateTimeOffset now) => "v" + now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>When a rebuild index was started, read from its name; null for the bootstrap index or a foreign name.</summary>
    public static DateTimeOffset? VersionTime(string index)
    {
        var at = index.LastIndexOf("-v", StringComparison.Ordinal);
        return at >= 0 && DateTime.TryParseExact(index[(at + 2)..], "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The write alias of a running rebuild ("{alias}-rebuild"): on the new index from the rebuild's start until its
    /// swap, and written through by every live write on every node, so writes from other processes reach the new index.
    /// </summary>
    public static string RebuildAlias(string alias) => alias + "-rebuild";

    public CreateIndexRequest Create(string alias, string version, bool needsRebuild)
    {
        var properties = alias == Opportunities ? OpportunityProperties()
            : alias == Investors ? InvestorProperties()
            : SavedSearchProperties();
        var request = new CreateIndexRequest(Versioned(alias, version))
        {
            Settings = new IndexSettings
            {
                NumberOfShards = 1,
                // One replica wherever there is a second node, none on a single-node dev cluster (stays green).
                AutoExpandReplicas = "0-1",
                Analysis = RussianAnalysis(),
            },
            Mappings = new TypeMapping
            {
                // Unknown fields are kept in _source but never indexed: the mapping below is the whole contract.
                Dynamic = DynamicMapping.False,
                Meta = new Dictionary<string, object> { [MetaSchema] = SchemaVersion, [MetaNeedsRebuild] = needsRebuild },
                Properties = properties,
            },
        };
        // The bootstrap index is born behind its alias (atomic with creation); rebuilt ones get it at the swap.
        if (version == BootstrapVersion) request.Aliases = new Dictionary<Name, Alias> { [alias] = new Alias() };
        return request;
    }

    /// <summary>
    /// The built-in <c>russian</c> analyzer rebuilt (standard tokens, lower case, Russian stop words, Snowball Russian)
    /// with every word also kept as written at its position, and stems shorter than four letters dropped: сыр finds сыр,
    /// not сырьё, мёд not медь. Same chain as the Lucene engine's RussianShortStemAnalyzer.
    /// </summary>
    public static IndexSettingsAnalysis RussianAnalysis() => new()
    {
        Analyzers = new Elastic.Clients.Elasticsearch.Analysis.Analyzers
        {
            { ElasticsearchFields.RussianAnalyzer, new Elastic.Clients.Elasticsearch.Analysis.CustomAnalyzer
            {
                Tokenizer = "standard",
                Filter = ["lowercase", "russian_stop", "keyword_repeat", "russian_stemmer", "russian_drop_short_stems", "remove_duplicates"],
            } },
        },
        TokenFilters = new Elastic.Clients.Elasticsearch.Analysis.TokenFilters
        {
            { "russian_stop", new Elastic.Clients.Elasticsearch.Analysis.StopTokenFilter { Stopwords = Elastic.Clients.Elasticsearch.Analysis.StopWordLanguage.Russian } },
            { "russian_stemmer", new Elastic.Clients.Elasticsearch.Analysis.StemmerTokenFilter { Language = "russian" } },
            { "russian_drop_short_stems", new Elastic.Clients.Elasticsearch.Analysis.PredicateTokenFilter
            {
                Script = new Script { Source = "token.keyword || token.term.length() >= 4" },
            } },
        },
    };

    private static Properties OpportunityProperties()
    {
        var p = Common();
        foreach (var culture in Cultures.All)
        {
            p.Add(ElasticsearchFields.Text("title", culture), Text(culture));
            p.Add(ElasticsearchFields.Text("summary", culture), Text(culture));
            p.Add(ElasticsearchFields.Text("description", culture), Text(culture));
        }
        p.Add(ElasticsearchFields.Sector, new KeywordProperty());
        p.Add(ElasticsearchFields.Location, new KeywordProperty());
        p.Add(ElasticsearchFields.PartnerRegion, new KeywordProperty());
        p.Add(ElasticsearchFields.Modes, new KeywordProperty());
        p.Add(ElasticsearchFields.Stage, new KeywordProperty());
        // CNY with two decimals: stored as a long of fen, exact for range filters and cheap to sort.
        p.Add(ElasticsearchFields.AmountCny, new ScaledFloatNumberProperty { ScalingFactor = 100 });
        p.Add(ElasticsearchFields.Position, new GeoPointProperty());
        p.Add(ElasticsearchFields.NearestCrossingKm, new FloatNumberProperty());
        p.Add(ElasticsearchFields.CrossingBand, new KeywordProperty());
        p.Add(ElasticsearchFields.Crossing, new KeywordProperty());
        p.Add(ElasticsearchFields.CrossingKey, new KeywordProperty());
        p.Add(ElasticsearchFields.Published, new DateProperty());
        return p;
    }

    private static Properties InvestorProperties()
    {
        var p = Common();
        foreach (var culture in Cultures.All)
        {
            p.Add(ElasticsearchFields.Text("name", culture), Text(culture));
            p.Add(ElasticsearchFields.Text("description", culture), Text(culture));
        }
        p.Add(ElasticsearchFields.Sectors, new KeywordProperty());
        p.Add(ElasticsearchFields.LocationScope, new KeywordProperty());
        p.Add(ElasticsearchFields.Modes, new KeywordProperty());
        p.Add(ElasticsearchFields.Kind, new KeywordProperty());
        p.Add(ElasticsearchFields.Country, new KeywordProperty());
        p.Add(ElasticsearchFields.Updated, new DateProperty());
        return p;
    }

    /// <summary>The percolator needs every field its stored queries name, analyzed exactly as in the opportunities index.</summary>
    private static Properties SavedSearchProperties()
    {
        var p = OpportunityProperties();
        p.Add(ElasticsearchFields.Query, new PercolatorProperty());
        return p;
    }

    private static Properties Common()
    {
        var p = new Properties
        {
            { ElasticsearchFields.Id, new KeywordProperty() },
            { ElasticsearchFields.Ref, new KeywordProperty() },
            { ElasticsearchFields.OriginalCulture, new KeywordProperty() },
            { ElasticsearchFields.Cultures, new KeywordProperty() },
            { ElasticsearchFields.Concepts, new KeywordProperty() },
            { ElasticsearchFields.LocationPath, new KeywordProperty() },
            // The Core document, given back whole for matching; never searched.
            { ElasticsearchFields.Doc, new ObjectProperty { Enabled = false } },
        };
        foreach (var culture in Cultures.All) p.Add(ElasticsearchFields.All(culture), Text(culture));
        return p;
    }

    private static TextProperty Text(string culture) => new() { Analyzer = ElasticsearchFields.Analyzer(culture) };
}
