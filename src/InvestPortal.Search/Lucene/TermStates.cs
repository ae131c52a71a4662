using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Looks up every term of a query once per segment with one terms enumerator per field and segment, and hands the
/// states to the <see cref="TermQuery"/>s. Left to itself, each TermQuery builds its own <see cref="TermContext"/>:
/// a new terms enumerator (BlockTree frames, FST arcs) for every term in every segment. An expanded query has dozens of
/// terms (three cultures' tokens in two fields, concepts), so building the weights cost more than scoring the hits of
/// a selective search. Same terms, same statistics, same scores: only the lookups are shared, within a search and, per
/// index reader, across searches.
/// </summary>
internal static class TermStates
{
    /// <summary>Beyond this many distinct terms on one reader the term cache starts over (a few hundred bytes each).</summary>
    public const int MaxCachedTerms = 50_000;

    // Per reader (its top context), the states of terms already looked up. Long-tail searches are new combinations of
    // words that recur (glossary terms, concepts, place names), so most terms of a new search were looked up before.
    // A built TermContext is only read afterwards (TermQuery copies a state out of it), so searches share it; a reader
    // never changes, and every index change opens a new one, so the cache cannot go stale.
    private static readonly ConditionalWeakTable<IndexReaderContext, ConcurrentDictionary<Term, TermContext>> Readers = new();

    public static Query Prebuild(Query query, IndexSearcher searcher)
    {
        var terms = new List<Term>();
        Collect(query, terms);
        if (terms.Count == 0) return query;
        var top = searcher.TopReaderContext;
        var cache = Readers.GetValue(top, _ => new ConcurrentDictionary<Term, TermContext>());
        var contexts = new Dictionary<Term, TermContext>();
        var missing = new List<Term>();
        foreach (var t in terms)
        {
            if (contexts.ContainsKey(t)) continue;
            if (cache.TryGetValue(t, out var known)) contexts[t] = known;
            else if (!missing.Contains(t)) missing.Add(t);
        }
        if (cache.Count + missing.Count > MaxCachedTerms) cache.Clear();
        foreach (var field in missing.GroupBy(t => t.Field, StringComparer.Ordinal))
        {
            var sorted = field.OrderBy(t => t.Bytes, BytesRef.UTF8SortedAsUnicodeComparer).ToList();
            var built = sorted.Select(_ => new TermContext(top)).ToArray();
            TermsEnum? reuse = null;
            foreach (var leaf in top.Leaves)
            {
                var inLeaf = leaf.AtomicReader.GetTerms(field.Key);
                if (inLeaf is null) continue;
                var e = reuse = inLeaf.GetEnumerator(reuse);
                for (var i = 0; i < sorted.Count; i++)
                    if (e.SeekExact(sorted[i].Bytes))
                        built[i].Register(e.GetTermState(), leaf.Ord, e.DocFreq, e.TotalTermFreq);
            }
            for (var i = 0; i < sorted.Count; i++) contexts[sorted[i]] = cache.GetOrAdd(sorted[i], built[i]);
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
