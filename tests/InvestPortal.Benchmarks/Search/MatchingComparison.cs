using System.Diagnostics;
using System.Runtime.InteropServices;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace InvestPortal.Benchmarks.Search;

/// <summary>
/// Matching's candidate pool, the old way and the new way, interleaved per profile on one reader of the benchmark's
/// index, so both see the same machine load: the candidate BooleanQuery through <c>IndexSearcher.Search</c> (what the
/// engine ran until 2026-11-28, now with constant-score clauses as the engine scores them since 2026-12-07) against
/// <see cref="LuceneCandidates"/> (term at a time). Also checks that both give the same pool up to ties: the query's
/// scores are the weight sums times one query norm, and its collector breaks ties by doc id where the engine uses the id. Wall time on a shared machine is noisy, so each call's CPU time on this thread is reported too.
/// </summary>
internal static class MatchingComparison
{
    public sealed record Result(Latency OldWall, Latency NewWall, Latency OldCpu, Latency NewCpu, int Samples, int SamePool);

    public static Result Run(string indexFolder, IEnumerable<MatchCriteria> all, bool forOpportunities)
    {
        var criteria = all.Where(c => !c.IsEmpty).ToList();
        var type = forOpportunities ? LuceneFields.OpportunityType : LuceneFields.InvestorType;
        using var directory = FSDirectory.Open(indexFolder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var filter = LuceneQueries.TypeFilter(type);
        var r = new Result(new("old"), new("new"), new("old cpu"), new("new cpu"), criteria.Count, 0);
        var same = 0;
        foreach (var c in criteria.Take(20)) // warm-up: JIT, term states, type bitsets, filter cache
        {
            searcher.Search(CandidatesAsQuery(c, forOpportunities), filter, MatchScorer.CandidatePool);
            LuceneCandidates.Top(searcher, LuceneQueries.CandidateClauses(c, forOpportunities), type, MatchScorer.CandidatePool);
        }
        foreach (var c in criteria)
        {
            var query = CandidatesAsQuery(c, forOpportunities);
            var clauses = LuceneQueries.CandidateClauses(c, forOpportunities);
            var old = Timed(r.OldWall, r.OldCpu, () => searcher.Search(query, filter, MatchScorer.CandidatePool).ScoreDocs);
            var neu = Timed(r.NewWall, r.NewCpu, () => LuceneCandidates.Top(searcher, clauses, type, MatchScorer.CandidatePool));
            if (SameUpToTies(old, neu)) same++;
        }
        return r with { SamePool = same };
    }

    /// <summary>Same scores, rescaled, at every rank, and the same documents above the last (possibly tied) score.</summary>
    private static bool SameUpToTies(ScoreDoc[] query, ScoreDoc[] engine)
    {
        if (query.Length != engine.Length) return false;
        if (query.Length == 0) return true;
        var scale = engine[0].Score / query[0].Score;
        for (var i = 0; i < query.Length; i++)
            if (Math.Abs(query[i].Score * scale - engine[i].Score) > 1e-3 * engine[i].Score) return false;
        var cut = engine[^1].Score * (1 + 1e-3);
        return query.Where(d => d.Score * scale > cut).Select(d => d.Doc).ToHashSet()
            .SetEquals(engine.Where(d => d.Score > cut).Select(d => d.Doc));
    }

    public static T Timed<T>(Latency wall, Latency cpu, Func<T> action)
    {
        var cpuStart = ThreadCpuMs();
        var started = Stopwatch.GetTimestamp();
        var result = action();
        wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        cpu.Add(ThreadCpuMs() - cpuStart);
        return result;
    }

    public static async Task<T> TimedAsync<T>(Latency wall, Latency cpu, Func<Task<T>> action)
    {
        // The engine's calls complete synchronously, so the thread is the same before and after.
        var cpuStart = ThreadCpuMs();
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        cpu.Add(ThreadCpuMs() - cpuStart);
        return result;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private const int ClockThreadCpuTimeId = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>CPU time of the calling thread (Linux); NaN elsewhere.</summary>
    public static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : double.NaN;
    }

    /// <summary>
    /// The candidates as a plain Lucene query (SHOULD clauses of <see cref="ConstantScoreQuery"/> per term, no coord), the
    /// way matching ran before <see cref="LuceneCandidates"/>: the same order except among ties (Lucene's collector
    /// prefers the lower doc id, the engine the lower id). Only this comparison runs it.
    /// </summary>
    private static Query CandidatesAsQuery(MatchCriteria criteria, bool forOpportunities)
    {
        var q = new BooleanQuery(disableCoord: true);
        foreach (var c in LuceneQueries.CandidateClauses(criteria, forOpportunities))
            q.Add(new ConstantScoreQuery(new TermQuery(c.Term)) { Boost = c.Boost }, Occur.SHOULD);
        return q;
    }
}
