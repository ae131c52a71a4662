using System.Diagnostics;

namespace InvestPortal.Benchmarks.Search;

/// <summary>Latency samples in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Latency(string name)
{
    private readonly List<double> _ms = [];

    public string Name => name;
    public int Count => _ms.Count;
    public IReadOnlyList<double> Samples => _ms;

    public void Add(double ms) => _ms.Add(ms);

    public T Time<T>(Func<T> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.OrderBy(x => x).ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
    public double Mean => _ms.Count == 0 ? double.NaN : _ms.Average();
    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();

    public static Latency Of(string name, IEnumerable<double> samples)
    {
        var l = new Latency(name);
        foreach (var s in samples) l.Add(s);
        return l;
    }

    public string Row() => $"| {Name} | {Count} | {P50:F1} | {P95:F1} | {P99:F1} | {Mean:F1} | {Max:F1} |";

    public const string Header = "| queries | n | p50 ms | p95 ms | p99 ms | mean ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|";
}
