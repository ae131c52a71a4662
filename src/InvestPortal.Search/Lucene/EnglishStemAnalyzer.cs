using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The chain of Lucene's <see cref="EnglishAnalyzer"/> (standard tokens, possessives, lower case, its stop words, Porter
/// stems) with <see cref="FastLowerCaseFilter"/>: the same tokens (<c>AnalyzerEquivalenceTests</c>), less CPU per document.
/// </summary>
internal sealed class EnglishStemAnalyzer(LuceneVersion version) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(version, reader);
        TokenStream result = new StandardFilter(version, source);
        result = new EnglishPossessiveFilter(version, result);
        result = new FastLowerCaseFilter(result);
        result = new StopFilter(version, result, EnglishAnalyzer.DefaultStopSet);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
