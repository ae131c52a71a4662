using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// A document's codes for one keyword field (concepts, sector, modes, crossings, …) as one token each, untouched: the
/// terms one <c>StringField</c> per code would index, from a single stream. Lucene.NET gives every <c>StringField</c>
/// its own token stream, and every new stream looks its attribute classes up under one global lock: with about 25
/// codes per listing that was the indexing threads' most contended lock in a profile of the rebuild. These streams are
/// built on <see cref="PlainAttributeFactory"/>, which takes no lock.
/// </summary>
internal sealed class CodesTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> _codes;
    private readonly ICharTermAttribute _term;
    private int _next;

    public CodesTokenStream(IReadOnlyList<string> codes) : base(PlainAttributeFactory.Instance)
    {
        _codes = codes;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _codes.Count) return false;
        // No ClearAttributes(): the term is the only attribute this stream sets, and clearing walks (and on a new stream
        // first captures) every attribute indexing added — an allocation per field per document.
        _term.SetEmpty().Append(_codes[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
