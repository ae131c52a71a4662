using InvestPortal.Search.Lucene;
using InvestPortal.Testing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// The index's analyzers are Lucene's chains with a faster lower-case filter (and, in Russian, one filter for the word
/// and its stem); they must give the same tokens (text, position, offsets) as the chains they replace, or an index written before the change would answer differently.
/// Checked on every line of the content folder (demo listings and profiles in zh, ru and en, the glossary, the taxonomy).
/// </summary>
public sealed class AnalyzerEquivalenceTests
{
    private static readonly LuceneVersion Version = LuceneFields.Version;

    public static TheoryData<string> Cultures => ["zh", "ru", "en"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_content_line_gives_the_tokens_of_the_chain_it_replaces(string culture)
    {
        using var replaced = Replaced(culture);
        using var current = LuceneFields.ForCulture(culture);
        var lines = Directory.EnumerateFiles(TestPaths.Content, "*.json*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Append("İSTANBUL Straße ＡＢＣ ｶﾀｶﾅ 𐐀𐐁 Heihe's PORTS").Append("Сыр и сырьё, мёд и медь: лесопиления ЛЕСОПИЛЬНЫЙ завод, пункты пропуска Благовещенск—Хэйхэ").ToList();
        Assert.True(lines.Count > 1000);
        var tokens = 0;
        foreach (var line in lines)
        {
            var expected = Tokens(replaced, line);
            Assert.Equal(expected, Tokens(current, line));
            tokens += expected.Count;
        }
        Assert.True(tokens > 10_000);
    }

    private static Analyzer Replaced(string culture) => culture switch
    {
        "zh" => new CJKAnalyzer(Version),
        "en" => new EnglishAnalyzer(Version),
        _ => Analyzer.NewAnonymous((field, reader) =>
        {
            // RussianShortStemAnalyzer's chain as it was: Lucene's own lower-case filter, keyword repeat, Snowball, drop short stems, remove duplicates.
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, RussianAnalyzer.DefaultStopSet);
            result = new KeywordRepeatFilter(result);
            result = new SnowballFilter(result, new global::Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
            result = new ShortStemFilter(Version, result);
            result = new RemoveDuplicatesTokenFilter(result);
            return new TokenStreamComponents(source, result);
        }),
    };

    private static List<(string Term, int Increment, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var result = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) result.Add((term.ToString(), increment.PositionIncrement, offsets.StartOffset, offsets.EndOffset));
        stream.End();
        return result;
    }
}
