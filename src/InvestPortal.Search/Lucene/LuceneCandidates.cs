using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The top match candidates, term at a time. Same result as running <see cref="LuceneQueries.Candidates"/> (a coord
/// BooleanQuery of up to ~200 SHOULD term clauses) through <c>IndexSearcher.Search</c> with the type filter, only
/// cheaper: that query scored every opportunity sharing any clause — a mode or partner region alone is tens of
/// thousands — by advancing a heap of ~200 postings per document. Here each clause's postings are walked once into a
/// per-document sum and match count, then the best <c>n</c> are picked. The score is Lucene's own DefaultSimilarity
/// arithmetic for this query (all fields are keyword fields without norms, so a clause scores idf² · boost · queryNorm
/// and the sum is multiplied by coord = matched / clauses), and ties go to the lower doc id as in Lucene's collector.
/// </summary>
internal static class LuceneCandidates
{
    private const int MaxCachedTerms = 20_000;

    // Term statistics and per-segment term states for one top-level reader (one NRT refresh): the codes and concepts
    // profiles use are a few thousand at most, so matching seeks each term dictionary once per refresh, not per call.
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<Term, TermContext>> TermContexts = new();

    // Which docs of a segment are of a type. A segment's documents never change (deletions are applied from LiveDocs),
    // so the bitsets are cached per segment core and die with it.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FixedBitSet>> TypeBits = new();

    public static ScoreDoc[] Top(IndexSearcher searcher, IReadOnlyList<CandidateClause> clauses, string type, int n)
    {
        if (clauses.Count == 0 || n <= 0) return [];
        var reader = searcher.IndexReader;
        var similarity = searcher.Similarity as TFIDFSimilarity
            ?? throw new InvalidOperationException("Match candidates assume Lucene's TF-IDF similarity.");
        var values = ClauseValues(reader, similarity, clauses, out var contexts);
        var coord = new float[clauses.Count + 1];
        for (var k = 1; k <= clauses.Count; k++) coord[k] = similarity.Coord(k, clauses.Count);

        var maxDoc = reader.MaxDoc;
        var sums = ArrayPool<double>.Shared.Rent(maxDoc);
        var counts = ArrayPool<int>.Shared.Rent(maxDoc);
        Array.Clear(sums, 0, maxDoc);
        Array.Clear(counts, 0, maxDoc);
        try
        {
            Accumulate(reader, clauses, contexts, values, type, sums, counts);
            return Best(sums, counts, coord, maxDoc, n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Each clause's score contribution, as TermWeight computes it after IndexSearcher normalizes the query.</summary>
    private static float[] ClauseValues(IndexReader reader, TFIDFSimilarity similarity, IReadOnlyList<CandidateClause> clauses,
        out TermContext[] contexts)
    {
        var cache = TermContexts.GetValue(reader, _ => new ConcurrentDictionary<Term, TermContext>());
        if (cache.Count > MaxCachedTerms) cache.Clear();
        contexts = new TermContext[clauses.Count];
        var idf = new float[clauses.Count];
        var queryWeight = new float[clauses.Count];
        var sumOfSquares = 0f;
        for (var i = 0; i < clauses.Count; i++)
        {
            contexts[i] = cache.GetOrAdd(clauses[i].Term, t => TermContext.Build(reader.Context, t));
            idf[i] = similarity.Idf(contexts[i].DocFreq, reader.MaxDoc);
            queryWeight[i] = idf[i] * clauses[i].Boost;
            sumOfSquares += queryWeight[i] * queryWeight[i];
        }
        var queryNorm = similarity.QueryNorm(sumOfSquares);
        if (float.IsInfinity(queryNorm) || float.IsNaN(queryNorm)) queryNorm = 1f;
        var values = new float[clauses.Count];
        for (var i = 0; i < clauses.Count; i++) values[i] = queryWeight[i] * queryNorm * idf[i];
        return values;
    }

    private static void Accumulate(IndexReader reader, IReadOnlyList<CandidateClause> clauses, TermContext[] contexts, float[] values,
        string type, double[] sums, int[] counts)
    {
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var ofType = OfType(atomic, type);
            if (ofType is null) continue;
            var live = atomic.LiveDocs;
            var enums = new Dictionary<string, TermsEnum>();
            for (var i = 0; i < clauses.Count; i++)
            {
                var state = contexts[i].Get(leaf.Ord);
                if (state is null) continue;
                var field = clauses[i].Term.Field;
                if (!enums.TryGetValue(field, out var terms))
                {
                    terms = atomic.GetTerms(field)?.GetEnumerator();
                    if (terms is null) continue;
                    enums[field] = terms;
                }
                terms.SeekExact(clauses[i].Term.Bytes, state);
                var docs = terms.Docs(live, null, DocsFlags.NONE);
                var value = values[i];
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    if (!ofType.Get(doc)) continue;
                    sums[leaf.DocBase + doc] += value;
                    counts[leaf.DocBase + doc]++;
                }
            }
        }
    }

    /// <summary>The n best by score, then lower doc id — the order of Lucene's TopScoreDocCollector.</summary>
    private static ScoreDoc[] Best(double[] sums, int[] counts, float[] coord, int maxDoc, int n)
    {
        var heap = new PriorityQueue<int, (float Score, int Doc)>(n + 1, WorstFirst.Instance);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var count = counts[doc];
            if (count == 0) continue;
            var score = (float)sums[doc] * coord[count];
            if (heap.Count < n) heap.Enqueue(doc, (score, doc));
            else if (heap.TryPeek(out _, out var worst) && score > worst.Score) heap.EnqueueDequeue(doc, (score, doc));
        }
        var result = new ScoreDoc[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var doc, out var p);
            result[i] = new ScoreDoc(doc, p.Score);
        }
        return result;
    }

    /// <summary>Heap order: the lowest score first; among equal scores the higher doc id (it loses the tie).</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly WorstFirst Instance = new();
        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }

    private static FixedBitSet? OfType(AtomicReader atomic, string type)
    {
        var perType = TypeBits.GetValue(atomic.CoreCacheKey, _ => new ConcurrentDictionary<string, FixedBitSet>());
        var bits = perType.GetOrAdd(type, t =>
        {
            var set = new FixedBitSet(atomic.MaxDoc);
            var terms = atomic.GetTerms(LuceneFields.Type)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(new BytesRef(t)))
            {
                var docs = terms.Docs(null, null, DocsFlags.NONE);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) set.Set(doc);
            }
            return set;
        });
        return bits.Cardinality == 0 ? null : bits;
    }
}
