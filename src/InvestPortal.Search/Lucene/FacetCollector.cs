using Lucene.Net.Index;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Counts facet values of every matching document (Lucene.Net.Facet is not available): per segment by ordinal from
/// <see cref="FacetOrdinals"/>, one pass over the hits, resolved to codes when the segment ends.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> groups) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        groups.ToDictionary(g => g, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly string[] _groups = new string[groups.Count];
    private readonly FacetOrdinals[] _ordinals = new FacetOrdinals[groups.Count];
    private readonly int[][] _segmentCounts = new int[groups.Count][];
    private int _active;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var group in groups)
        {
            if (FacetOrdinals.Of(context.AtomicReader, group) is not { } ordinals) continue;
            _groups[_active] = group;
            _ordinals[_active] = ordinals;
            _segmentCounts[_active] = new int[ordinals.Codes.Length];
            _active++;
        }
    }

    public void Collect(int doc)
    {
        for (var g = 0; g < _active; g++)
        {
            var ordinals = _ordinals[g];
            var counts = _segmentCounts[g];
            var ords = ordinals.Ords;
            var end = ordinals.Starts[doc + 1];
            for (var j = ordinals.Starts[doc]; j < end; j++) counts[ords[j]]++;
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
        for (var g = 0; g < _active; g++)
        {
            var codes = _ordinals[g].Codes;
            var counts = _segmentCounts[g];
            var total = _counts[_groups[g]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                total[codes[ord]] = total.GetValueOrDefault(codes[ord]) + counts[ord];
            }
            _ordinals[g] = null!;
            _segmentCounts[g] = null!;
        }
        _active = 0;
    }
}
