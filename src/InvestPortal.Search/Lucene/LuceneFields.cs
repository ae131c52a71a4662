using InvestPortal.Core.Domain;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>Field names of the one Lucene index (opportunities and investor profiles side by side, told apart by <see cref="Type"/>).</summary>
internal static class LuceneFields
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Uid = "uid";            // "o:{guid}" / "i:{guid}", the update key
    public const string Type = "type";          // "opportunity" / "investor"
    public const string Source = "_source";     // indexes written before "_match": the Core document as JSON (read only as a fallback)
    public const string MatchFacts = "_match";  // BinaryDocValues (stored field when too large): UTF-8 JSON of the Core document without texts, for matching
    public const string Id = "id";
    public const string Ref = "ref";
    public const string Original = "orig";    // original culture
    public const string Concept = "concept";
    public const string Sector = "sector";
    public const string Location = "location";  // opportunity: its own code; investor: LocationScope
    public const string PartnerRegion = "partner";
    public const string Mode = "mode";
    public const string Stage = "stage";
    public const string Kind = "kind";
    public const string Country = "country";
    public const string CrossingBand = "crossing_band";  // "10" / "50" / "150": within that many km of some crossing
    public const string Crossing = "crossing";          // codes of crossings within 150 km
    public const string CrossingKey = "crossing_key";   // "code:band": within band km of that crossing
    public const string Amount = "amount";      // DoubleField, CNY, range filter
    public const string AmountSort = "amount_dv";
    public const string Date = "date_dv";       // published (opportunity) / updated (investor), ticks
    public const string FacetPrefix = "facet_"; // SortedSetDocValues per facet group

    public const string OpportunityType = "opportunity";
    public const string InvestorType = "investor";

    public static string All(string culture) => $"all_{culture}";
    public static string Text(string field, string culture) => $"{field}_{culture}";
    public static string Facet(string group) => FacetPrefix + group;

    public static readonly IReadOnlyList<string> OpportunityTextFields = ["title", "summary", "description"];
    public static readonly IReadOnlyList<string> InvestorTextFields = ["name", "description"];

    /// <summary>zh: CJK bigrams; ru: Snowball Russian, short stems as written (<see cref="RussianShortStemAnalyzer"/>); en: Porter English; every other field is a keyword.</summary>
    public static Analyzer CreateAnalyzer()
    {
        var perField = new Dictionary<string, Analyzer>();
        foreach (var culture in Cultures.All)
        {
            var analyzer = ForCulture(culture);
            perField[All(culture)] = analyzer;
            foreach (var f in OpportunityTextFields.Concat(InvestorTextFields)) perField[Text(f, culture)] = analyzer;
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    public static Analyzer ForCulture(string culture) => culture switch
    {
        Cultures.Zh => new ChineseBigramAnalyzer(Version),
        Cultures.Ru => new RussianShortStemAnalyzer(Version),
        _ => new EnglishStemAnalyzer(Version),
    };

    /// <summary>
    /// The terms an analyzer makes of a text grouped by position (a Russian word gives its written form and its stem),
    /// each distinct group once, at most <paramref name="max"/> groups: a query needs enough positions, not enough terms.
    /// </summary>
    public static List<string[]> AnalyzeByPosition(Analyzer analyzer, string field, string text, int max)
    {
        var groups = new List<string[]>();
        var current = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Close()
        {
            if (current.Count > 0 && seen.Add(string.Join('\u0001', current.Order(StringComparer.Ordinal)))) groups.Add([.. current]);
            current.Clear();
        }
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && groups.Count < max)
        {
            if (increment.PositionIncrement > 0) Close();
            var t = term.ToString();
            if (t.Length > 0 && !current.Contains(t)) current.Add(t);
        }
        if (groups.Count < max) Close();
        stream.End();
        return groups;
    }

    /// <summary>The distinct terms an analyzer makes of a text, at most <paramref name="max"/>.</summary>
    public static List<string> Analyze(Analyzer analyzer, string field, string text, int max)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < max)
        {
            var t = term.ToString();
            if (t.Length > 0 && !terms.Contains(t)) terms.Add(t);
        }
        stream.End();
        return terms;
    }
}
