using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// One facet group's ordinals of one segment as plain arrays: document d has the ordinals
/// <c>Ords[Starts[d] .. Starts[d + 1]]</c>, and ordinal o is the code <c>Codes[o]</c>. Counting facets over the hits of a
/// search is then an array walk per hit instead of a <see cref="SortedSetDocValues"/> decode (set document, read ordinals
/// through packed ints) per hit and group, which dominated searches matching much of the catalogue.
/// Built once per segment core on first use (one pass over the segment's doc values) and dropped with the segment:
/// a segment's documents and doc values never change, deletions are applied by the search that collects.
/// About 4 bytes per document and per value, so 5 groups over 120,000 documents take about 5 MiB.
/// </summary>
internal sealed class FacetOrdinals
{
    public required int[] Starts { get; init; }
    public required int[] Ords { get; init; }
    public required string[] Codes { get; init; }

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetOrdinals?>> Segments = new();

    /// <summary>The group's ordinals in <paramref name="segment"/>; null when no document there has a value.</summary>
    public static FacetOrdinals? Of(AtomicReader segment, string group) =>
        Segments.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetOrdinals?>(StringComparer.Ordinal))
            .GetOrAdd(group, g => Build(segment, g));

    private static FacetOrdinals? Build(AtomicReader segment, string group)
    {
        var values = segment.GetSortedSetDocValues(LuceneFields.Facet(group));
        if (values is null || values.ValueCount == 0) return null;
        var maxDoc = segment.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
        }
        starts[maxDoc] = ords.Count;
        var codes = new string[checked((int)values.ValueCount)];
        var term = new BytesRef();
        for (var o = 0; o < codes.Length; o++)
        {
            values.LookupOrd(o, term);
            codes[o] = term.Utf8ToString();
        }
        return new FacetOrdinals { Starts = starts, Ords = [.. ords], Codes = codes };
    }
}
