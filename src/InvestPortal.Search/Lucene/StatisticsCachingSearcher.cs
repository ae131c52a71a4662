using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// An <see cref="IndexSearcher"/> that remembers each field's collection statistics. Every TermQuery weight asks for
/// them, and <see cref="IndexSearcher.CollectionStatistics"/> merges the field's terms across all segments each time;
/// for one reader (which never changes) the answer is always the same.
/// </summary>
internal sealed class StatisticsCachingSearcher(IndexReader reader) : IndexSearcher(reader)
{
    private readonly ConcurrentDictionary<string, CollectionStatistics> _collections = new(StringComparer.Ordinal);

    public override CollectionStatistics CollectionStatistics(string field) =>
        _collections.TryGetValue(field, out var stats) ? stats : _collections.GetOrAdd(field, base.CollectionStatistics(field));

    /// <summary>Hands <see cref="SearcherManager"/> these searchers.</summary>
    public sealed class Factory : SearcherFactory
    {
        public static readonly Factory Instance = new();

        public override IndexSearcher NewSearcher(IndexReader reader) => new StatisticsCachingSearcher(reader);
    }
}
