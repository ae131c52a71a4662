using InvestPortal.Search.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// Part of the Russian chain the index's analyzer replaced (kept here as the reference for <c>AnalyzerEquivalenceTests</c>):
/// drops stems shorter than <see cref="RussianShortStemAnalyzer.MinStemLength"/>; the word as written (marked keyword) stays.
/// </summary>
internal sealed class ShortStemFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public ShortStemFilter(LuceneVersion version, TokenStream input) : base(version, input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    protected override bool Accept() => _keyword.IsKeyword || _term.Length >= RussianShortStemAnalyzer.MinStemLength;
}
