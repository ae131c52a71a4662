using System.Diagnostics;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Phase = InvestPortal.Search.Lucene.SearchPhaseTimings.Phase;

namespace InvestPortal.Benchmarks.Search;

/// <summary>
/// Issue 13's headline: unique searches (<see cref="QueryMix.LongTail"/>), so neither the output cache nor the ranking
/// cache can answer them. Per set (selective, broad): one client (latency), eight concurrent clients (throughput, p99),
/// where the time of one search goes (<see cref="SearchPhaseTimings"/>, plus a pass without facets), and PostgreSQL FTS on
/// the same queries, one and eight clients, in the same run.
/// </summary>
internal static class LongTailScenario
{
    public const int Clients = 8;

    public sealed record Outcome(string Name, Latency One, Latency Eight, double EightRps, long MedianHits);

    public static async Task<Outcome> RunLuceneAsync(LuceneSearchEngine engine, string name, IReadOnlyList<BenchQuery> queries,
        Action<string> line)
    {
        // Each query is run once by one client and once under load; the two passes use different halves so that no
        // query is ever seen twice by the engine (its ranking cache is off in the benchmark anyway, but a warm page cache
        // of the postings a query touched would flatter the second pass).
        var half = queries.Count / 2;
        var single = queries.Take(half).ToList();
        var loaded = queries.Skip(half).ToList();
        var one = new Latency($"{name}, 1 client");
        var hits = new List<long>();
        var timings = new SearchPhaseTimings();
        engine.Timings = timings;
        foreach (var q in single)
        {
            var r = await one.TimeAsync(() => engine.SearchOpportunitiesAsync(q.Opportunities!));
            hits.Add(r.Total);
        }
        engine.Timings = null;
        var phases = string.Join(", ", Enum.GetValues<Phase>().Select(p => $"{p} {timings.MeanMs(p):F2}"));
        var sorted = hits.OrderBy(h => h).ToList();
        var median = sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
        line($"{name}: where one search's time goes (mean ms over {timings.Searches} searches, 1 client): {phases}; " +
             $"end to end mean {one.Mean:F2} ms; median hits {median:N0}; {timings.Segments} segments (Weight is measured apart, Rank builds it again)");
        // Without facets, on the same half (second time these queries run: only for the difference facets make).
        var noFacets = new Latency("");
        foreach (var q in single) await noFacets.TimeAsync(() => engine.SearchOpportunitiesAsync(q.Opportunities! with { Facets = [] }));
        line($"{name}: the same searches without facet groups: mean {noFacets.Mean:F2} ms, p50 {noFacets.P50:F1} ms " +
             $"(with the 5 groups: mean {one.Mean:F2}, p50 {one.P50:F1}; measured after, so the postings are warm)");

        var (eight, rps) = await Concurrent(loaded, q => engine.SearchOpportunitiesAsync(q.Opportunities!));
        return new Outcome(name, one, eight, rps, median);
    }

    public static async Task<Outcome> RunPostgresAsync(PostgresAlternative pg, SearchSemantics semantics, string name,
        IReadOnlyList<BenchQuery> queries)
    {
        var half = queries.Count / 2;
        var one = new Latency($"{name}, 1 client");
        var hits = new List<long>();
        foreach (var q in queries.Take(half))
        {
            var r = await one.TimeAsync(() => pg.SearchAsync(PgMode.FullText, semantics.Plan(q.Opportunities!), facets: true));
            hits.Add(r.Total);
        }
        var (eight, rps) = await Concurrent(queries.Skip(half).ToList(),
            q => pg.SearchAsync(PgMode.FullText, semantics.Plan(q.Opportunities!), facets: true));
        var sorted = hits.OrderBy(h => h).ToList();
        return new Outcome(name, one, eight, rps, sorted.Count == 0 ? 0 : sorted[sorted.Count / 2]);
    }

    private static async Task<(Latency Latency, double Rps)> Concurrent<T>(IReadOnlyList<BenchQuery> queries, Func<BenchQuery, Task<T>> run)
    {
        var latency = new Latency("");
        var gate = new Lock();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Count)
            {
                var started = Stopwatch.GetTimestamp();
                await run(queries[i]);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (gate) latency.Add(ms);
            }
        })));
        wall.Stop();
        return (latency, queries.Count / wall.Elapsed.TotalSeconds);
    }

    public const string Header = "| queries | median hits | 1 client p50 / p95 / p99 ms | 8 clients req/s | 8 clients p50 / p99 ms |\n|---|---:|---:|---:|---:|";

    public static string Row(Outcome o) =>
        $"| {o.Name} | {o.MedianHits:N0} | {o.One.P50:F1} / {o.One.P95:F1} / {o.One.P99:F1} | {o.EightRps:N0} | {o.Eight.P50:F1} / {o.Eight.P99:F1} |";
}
