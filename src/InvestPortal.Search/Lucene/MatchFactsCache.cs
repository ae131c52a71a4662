using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Match facts already deserialized, per segment: a segment's documents never change (an edit is a delete plus an
/// add in a newer segment), so a candidate read once is reused by every later match until its segment is merged
/// away, when the array dies with the segment core. Only documents that were ever candidates are filled, at about
/// 1 KiB each, so the cache is bounded by the index size. Slots are written without locks: two threads parsing the
/// same document store equal, immutable records.
/// </summary>
internal static class MatchFactsCache<T> where T : class
{
    private static readonly ConditionalWeakTable<object, T?[]> Segments = new();

    public static T?[] Of(AtomicReader segment) => Segments.GetValue(segment.CoreCacheKey, _ => new T?[segment.MaxDoc]);
}
