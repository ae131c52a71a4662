using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Lucene's RussianAnalyzer chain (standard tokens, lower case — <see cref="FastLowerCaseFilter"/> —, Russian stop words,
/// Snowball Russian — <see cref="ExactAndStemFilter"/>), except that a word
/// whose stem would be shorter than <see cref="MinStemLength"/> letters is kept as written instead: short stems collide
/// with unrelated words (сыр / сырьё, мёд / медь both stem to "сыр", "мед"), so such words match their exact form only.
/// Every word is also kept as written at the same position (a query word matches the exact form or the stem, as one
/// clause). Elasticsearch builds the same chain from built-in filters (<c>ElasticsearchIndices.RussianAnalysis</c>).
/// </summary>
internal sealed class RussianShortStemAnalyzer(LuceneVersion version) : Analyzer
{
    public const int MinStemLength = 4;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new StandardFilter(version, source);
        result = new FastLowerCaseFilter(result);
        result = new StopFilter(version, result, RussianAnalyzer.DefaultStopSet);
        result = new ExactAndStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
