using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The chain of Lucene's <see cref="CJKAnalyzer"/> (standard tokens, width folding, lower case, CJK bigrams, its stop
/// words) with <see cref="FastLowerCaseFilter"/>: the same tokens (<c>AnalyzerEquivalenceTests</c>), less CPU per document.
/// </summary>
internal sealed class ChineseBigramAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new CJKWidthFilter(source); // before bigrams: folding can join characters
        result = new FastLowerCaseFilter(result);
        result = new CJKBigramFilter(result);
        return new TokenStreamComponents(source, new StopFilter(version, result, CJKAnalyzer.DefaultStopSet));
    }
}
