using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Looks up every term of a query once per segment with one terms enumerator per field and segment, and hands the
/// states to the <see cref="TermQuery"/>s. Left to itself, each TermQuery builds its own <see cref="TermContext"/>:
/// a new terms enumerator (BlockTree frames, FST arcs) for every term in every segment. An expanded query has dozens of
/// terms (three cultures' tokens in two fields, concepts), so building the weights cost more than scoring the hits of
/// a selective search. Same terms, same statistics, same scores: only the lookups are shared.
/// </summary>
internal static class TermStates
{
    public static Query Prebuild(Query query, IndexSearcher searcher)
    {
        var terms = new List<Term>();
        Collect(query, terms);
        if (terms.Count == 0) return query;
        var top = searcher.TopReaderContext;
        var contexts = new Dictionary<Term, TermContext>();
        foreach (var field in terms.Distinct().GroupBy(t => t.Field, StringComparer.Ordinal))
        {
            var sorted = field.OrderBy(t => t.Bytes, BytesRef.UTF8SortedAsUnicodeComparer).ToList();
            foreach (var t in sorted) contexts[t] = new TermContext(top);
            TermsEnum? reuse = null;
            foreach (var leaf in top.Leaves)
            {
                var inLeaf = leaf.AtomicReader.GetTerms(field.Key);
                if (inLeaf is null) continue;
                var e = reuse = inLeaf.GetEnumerator(reuse);
                foreach (var t in sorted)
                    if (e.SeekExact(t.Bytes))
                        contexts[t].Register(e.GetTermState(), leaf.Ord, e.DocFreq, e.TotalTermFreq);
            }
        }
        return With(query, contexts);
    }

    private static void Collect(Query query, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery t: terms.Add(t.Term); break;
            case BooleanQuery b: foreach (var c in b.Clauses) Collect(c.Query, terms); break;
        }
    }

    private static Query With(Query query, Dictionary<Term, TermContext> contexts)
    {
        switch (query)
        {
            case TermQuery t:
                return new TermQuery(t.Term, contexts[t.Term]) { Boost = t.Boost };
            case BooleanQuery b:
                var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
                foreach (var c in b.Clauses) copy.Add(With(c.Query, contexts), c.Occur);
                return copy;
            default:
                return query;
        }
    }
}
