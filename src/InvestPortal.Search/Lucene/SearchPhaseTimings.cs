using System.Diagnostics;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Where the time of one search goes, summed over many searches: the benchmark sets <see cref="LuceneSearchEngine.Timings"/>
/// to see it; the portal leaves it null (one null check per phase). Thread-safe (Interlocked).
/// </summary>
internal sealed class SearchPhaseTimings
{
    /// <summary><see cref="Phase.Weight"/> is measured apart (profiling only): weights are built again inside Rank.</summary>
    public enum Phase { Plan, BuildQuery, TermLookup, Weight, Rank, FacetResult, StoredFields, Highlight }

    private readonly long[] _ticks = new long[Enum.GetValues<Phase>().Length];
    private long _searches;

    public void Add(Phase phase, long startTimestamp) =>
        Interlocked.Add(ref _ticks[(int)phase], Stopwatch.GetTimestamp() - startTimestamp);

    public void CountSearch() => Interlocked.Increment(ref _searches);

    public long Searches => Interlocked.Read(ref _searches);

    /// <summary>Segments of the index at the last search.</summary>
    public int Segments { get; set; }

    /// <summary>Mean milliseconds per search spent in <paramref name="phase"/>.</summary>
    public double MeanMs(Phase phase) =>
        Searches == 0 ? 0 : Interlocked.Read(ref _ticks[(int)phase]) * 1000.0 / Stopwatch.Frequency / Searches;
}
