using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InvestPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The ranked doc ids, total and facet counts of recent searches, per index reader. Paging through a result
/// (page 2, 3 …) and the same popular search from many visitors then cost a slice and a few highlights instead
/// of scoring and counting facets over the whole catalogue again. Keyed by the reader instance, so it can never
/// be stale: every index change opens a new reader, and the old reader's entries go with it.
/// </summary>
internal static class LuceneResultCache
{
    /// <summary>Hits ranked per search: ten pages of twenty, or as deep as the page asked for.</summary>
    public const int PrefetchDepth = 200;

    /// <summary>Beyond this many distinct searches on one reader the cache starts over (about 3 KiB each).</summary>
    public const int MaxSearches = 2_000;

    public sealed record Ranked(ScoreDoc[] Docs, int TotalHits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, Ranked>> Readers = new();

    /// <summary>
    /// The cached ranking when it reaches <paramref name="depth"/> documents (or holds every hit); otherwise runs
    /// <paramref name="rank"/>. A null key ranks exactly as deep as asked and caches nothing.
    /// </summary>
    public static Ranked GetOrRank(IndexReader reader, string? key, int depth, Func<int, Ranked> rank)
    {
        if (key is null) return rank(depth);
        var cache = Readers.GetValue(reader, _ => new ConcurrentDictionary<string, Ranked>(StringComparer.Ordinal));
        if (cache.TryGetValue(key, out var ranked) && (ranked.Docs.Length >= depth || ranked.Docs.Length >= ranked.TotalHits))
            return ranked;
        // Someone paging past the ranked depth is likely to go on: rank twice as deep, not just one page more.
        ranked = rank(Math.Max(depth, Math.Max(PrefetchDepth, 2 * (ranked?.Docs.Length ?? 0))));
        if (cache.Count >= MaxSearches) cache.Clear();
        cache[key] = ranked;
        return ranked;
    }

    /// <summary>What makes two searches rank the same: everything but the page number.</summary>
    public static string KeyOf(OpportunityQuery query) => "o:" + System.Text.Json.JsonSerializer.Serialize(query with { Page = 1 });

    public static string KeyOf(InvestorQuery query) => "i:" + System.Text.Json.JsonSerializer.Serialize(query with { Page = 1 });
}
