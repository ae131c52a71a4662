using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Counts facet values of every matching document from SortedSet doc values (Lucene.Net.Facet is not
/// available): per segment by ordinal, resolved to codes when the segment ends.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> groups) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        groups.ToDictionary(g => g, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly List<(string Group, SortedSetDocValues Values, int[] Counts)> _segment = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var group in groups)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(LuceneFields.Facet(group));
            if (values is not null && values.ValueCount > 0)
                _segment.Add((group, values, new int[checked((int)values.ValueCount)]));
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Result()
    {
        Flush();
        return _counts.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyDictionary<string, int>)kv.Value.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value));
    }

    private void Flush()
    {
        var term = new BytesRef();
        foreach (var (group, values, counts) in _segment)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var code = term.Utf8ToString();
                _counts[group][code] = _counts[group].GetValueOrDefault(code) + counts[ord];
            }
        }
        _segment.Clear();
    }
}
