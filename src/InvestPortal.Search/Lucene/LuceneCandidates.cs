using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InvestPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The top match candidates, term at a time, scored as the Elasticsearch engine scores them (<see cref="CandidateTerms"/>):
/// a candidate's score is the sum of the weights of the clauses it matches — each clause a constant score equal to its
/// weight, no idf, no coord, no query norm — and among equal scores the lower id (ordinal, as Elasticsearch's <c>id</c>
/// keyword sort) wins, so both engines retrieve the same pool. Running a BooleanQuery of up to ~200 SHOULD clauses
/// instead scored every opportunity sharing any clause — a mode or partner region alone is tens of thousands — by
/// advancing a heap of ~200 postings per document; here each clause's postings are walked once into a per-document sum,
/// then the best <c>n</c> are picked. The weights are multiples of 0.5, so the sums are exact in any order.
/// </summary>
internal static class LuceneCandidates
{
    // Which docs of a segment are of a type. A segment's documents never change (deletions are applied from LiveDocs),
    // so the bitsets are cached per segment core and die with it.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FixedBitSet>> TypeBits = new();

    // Per segment core, type and criterion field: every term's documents of that type, decoded into plain arrays the first
    // time matching reads the field in that segment. Every profile's matching walks the same few sector, location and
    // mode postings, tens of thousands of documents long, and concepts vary from profile to profile: decoding Lucene's
    // postings blocks and testing each document's type on every call made the slowest twentieth of matches take 70 ms
    // at 100,000 listings, and decoding term by term left the cost on whichever profile first used a concept. A field's
    // arrays hold one int per document and value (a few MB at 100,000 listings). Deleted documents are kept (deletions do
    // not change a core) and dropped when the segment's sums are done.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string Type, string Field), Lazy<Dictionary<string, int[]>>>> FieldPostings = new();

    // Each doc's id as a sortable key, per segment core (read from the uid terms once) and per top-level reader.
    private static readonly ConditionalWeakTable<object, IdKey[]> SegmentIds = new();
    private static readonly ConditionalWeakTable<IndexReader, IdKey[]> ReaderIds = new();

    public static ScoreDoc[] Top(IndexSearcher searcher, IReadOnlyList<CandidateClause> clauses, string type, int n)
    {
        if (clauses.Count == 0 || n <= 0) return [];
        var reader = searcher.IndexReader;
        var maxDoc = reader.MaxDoc;
        var sums = ArrayPool<float>.Shared.Rent(maxDoc);
        Array.Clear(sums, 0, maxDoc);
        try
        {
            Accumulate(reader, clauses, type, sums);
            return Best(sums, Ids(reader), maxDoc, n);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sums);
        }
    }

    private static void Accumulate(IndexReader reader, IReadOnlyList<CandidateClause> clauses, string type, float[] sums)
    {
        // Term.Text decodes the term's bytes on every read: once per clause, not once per clause and segment.
        var keys = clauses.Select(c => (c.Term.Field, c.Term.Text, c.Boost)).ToArray();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var ofType = OfType(atomic, type);
            if (ofType is null) continue;
            var fields = FieldPostings.GetValue(atomic.CoreCacheKey, _ => new());
            var docBase = leaf.DocBase;
            foreach (var (field, text, weight) in keys)
            {
                var postings = fields.GetOrAdd((type, field), key => new(() => Decode(atomic, key.Field, ofType))).Value;
                if (!postings.TryGetValue(text, out var docs)) continue;
                foreach (var doc in docs) sums[docBase + doc] += weight;
            }
            if (atomic.LiveDocs is { } live)
                for (var doc = 0; doc < atomic.MaxDoc; doc++)
                    if (!live.Get(doc)) sums[docBase + doc] = 0;
        }
    }

    /// <summary>Every term of <paramref name="field"/> in one segment with its documents of <paramref name="ofType"/>, deleted ones included.</summary>
    private static Dictionary<string, int[]> Decode(AtomicReader atomic, string field, FixedBitSet ofType)
    {
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var terms = atomic.GetTerms(field)?.GetEnumerator();
        if (terms is null) return result;
        var buffer = new List<int>();
        DocsEnum? docs = null;
        while (terms.MoveNext())
        {
            buffer.Clear();
            docs = terms.Docs(null, docs, DocsFlags.NONE);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                if (ofType.Get(doc)) buffer.Add(doc);
            if (buffer.Count > 0) result[terms.Term.Utf8ToString()] = [.. buffer];
        }
        return result;
    }

    /// <summary>The n best by score, then lower id — Elasticsearch's <c>[_score desc, id asc]</c>.</summary>
    private static ScoreDoc[] Best(float[] sums, IdKey[] ids, int maxDoc, int n)
    {
        var order = new WorstFirst(ids);
        var heap = new PriorityQueue<int, (float Score, int Doc)>(n + 1, order);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var score = sums[doc];
            if (score <= 0) continue; // every weight is positive: 0 = shares nothing (or not of the type, or deleted)
            if (heap.Count < n) heap.Enqueue(doc, (score, doc));
            else if (heap.TryPeek(out _, out var worst) && order.Compare((score, doc), worst) > 0) heap.EnqueueDequeue(doc, (score, doc));
        }
        var result = new ScoreDoc[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var doc, out var p);
            result[i] = new ScoreDoc(doc, p.Score);
        }
        return result;
    }

    /// <summary>Heap order: the lowest score first; among equal scores the higher id (it loses the tie).</summary>
    private sealed class WorstFirst(IdKey[] ids) : IComparer<(float Score, int Doc)>
    {
        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : ids[y.Doc].CompareTo(ids[x.Doc]);
    }

    /// <summary>
    /// A document's id as two 64-bit halves, ordered as <see cref="CandidateTerms.CompareIds"/> orders the ids' strings:
    /// the uid is the type letter, ':' and the id's 32 lowercase hex digits (<c>Guid.ToString("N")</c>); Elasticsearch
    /// sorts <c>Guid.ToString()</c>, the same digits with hyphens at fixed places, and for lowercase hex the ordinal
    /// order of the digits is their numeric order. Read from the uid terms, which every document has — no stored fields.
    /// </summary>
    internal readonly record struct IdKey(ulong High, ulong Low) : IComparable<IdKey>
    {
        public int CompareTo(IdKey other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

        public static IdKey FromUid(BytesRef uid)
        {
            // "o:" / "i:" + 32 hex digits; nothing else is ever written.
            if (uid.Length != 34) return default;
            return new IdKey(Hex(uid, uid.Offset + 2), Hex(uid, uid.Offset + 18));
        }

        private static ulong Hex(BytesRef b, int from)
        {
            ulong v = 0;
            for (var i = from; i < from + 16; i++)
            {
                var c = (char)b.Bytes[i];
                v = (v << 4) | (uint)(c <= '9' ? c - '0' : c - 'a' + 10);
            }
            return v;
        }
    }

    /// <summary>Every doc's id key, for one top-level reader; built from per-segment arrays, which survive refreshes.</summary>
    private static IdKey[] Ids(IndexReader reader) => ReaderIds.GetValue(reader, r =>
    {
        var all = new IdKey[r.MaxDoc];
        foreach (var leaf in r.Leaves)
        {
            var segment = SegmentIds.GetValue(leaf.AtomicReader.CoreCacheKey, _ => SegmentIdKeys(leaf.AtomicReader));
            Array.Copy(segment, 0, all, leaf.DocBase, segment.Length);
        }
        return all;
    });

    private static IdKey[] SegmentIdKeys(AtomicReader atomic)
    {
        var keys = new IdKey[atomic.MaxDoc];
        var terms = atomic.GetTerms(LuceneFields.Uid)?.GetEnumerator();
        if (terms is null) return keys;
        DocsEnum? docs = null;
        while (terms.MoveNext())
        {
            var key = IdKey.FromUid(terms.Term);
            docs = terms.Docs(null, docs, DocsFlags.NONE); // deleted docs too: the array belongs to the segment core
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) keys[doc] = key;
        }
        return keys;
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
