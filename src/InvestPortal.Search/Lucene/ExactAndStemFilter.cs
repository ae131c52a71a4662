using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Emits each word as written and then, at the same position, its Snowball Russian stem when the stem has at least
/// <see cref="RussianShortStemAnalyzer.MinStemLength"/> letters and differs from the word. The same tokens as Lucene's
/// KeywordRepeat → Snowball → drop short stems → RemoveDuplicates chain (<c>AnalyzerEquivalenceTests</c> holds it to
/// that chain on every content line), in one filter: that chain captured and restored the whole attribute state for
/// every word (cloning each attribute) and checked duplicates in a set, which together with Snowball was about a fifth
/// of a search's engine time, spent re-analyzing the page's Russian texts for highlighting, and ran for every Russian
/// text a rebuild indexes.
/// </summary>
internal sealed class ExactAndStemFilter : TokenFilter
{
    private readonly RussianStemmer _stemmer = new();
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private char[] _work = new char[32];
    // The stem still to emit: the stemmer's own buffer, untouched until the next word is stemmed.
    private char[]? _pendingStem;
    private int _stemLength;

    public ExactAndStemFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingStem is { } pending)
        {
            // The word's offsets and type are still in place: only the text and the position change.
            _pendingStem = null;
            _term.CopyBuffer(pending, 0, _stemLength);
            _increment.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var length = _term.Length;
        // The stemmer works on the buffer it is given: stem a copy, so the word goes out as written.
        if (_work.Length < length) _work = new char[Math.Max(length, _work.Length * 2)];
        Array.Copy(_term.Buffer, _work, length);
        _stemmer.SetCurrent(_work, length);
        _stemmer.Stem();
        var stem = _stemmer.CurrentBuffer;
        var stemLength = _stemmer.CurrentBufferLength;
        if (stemLength >= RussianShortStemAnalyzer.MinStemLength && !stem.AsSpan(0, stemLength).SequenceEqual(_term.Buffer.AsSpan(0, length)))
        {
            _pendingStem = stem;
            _stemLength = stemLength;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingStem = null;
    }
}
