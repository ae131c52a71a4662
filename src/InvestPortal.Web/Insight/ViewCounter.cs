using System.Collections.Concurrent;

namespace InvestPortal.Web.Insight;

/// <summary>
/// Counts public views of listings in memory, so a page view costs a dictionary increment instead of
/// a database write; <see cref="ViewCountFlusher"/> writes the sums every few seconds. A crash loses
/// at most one interval of views, which is acceptable for a statistic.
/// </summary>
public sealed class ViewCounter(TimeProvider clock)
{
    /// <summary>Beyond this many distinct (listing, day) keys between flushes, views are dropped rather than growing memory without bound.</summary>
    public const int MaxPendingKeys = 100_000;

    private static readonly string[] BotMarkers = ["bot", "crawler", "spider", "slurp", "headless"];
    private readonly ConcurrentDictionary<(Guid Opportunity, DateOnly Day), int> pending = new();

    /// <summary>Search engines, link previewers and monitors are not readers; a request without a User-Agent is a script.</summary>
    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) || BotMarkers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));

    public void Record(Guid opportunityId, string? userAgent)
    {
        if (IsBot(userAgent)) return;
        Add((opportunityId, DailyStats.Today(clock)), 1);
    }

    /// <summary>Removes and returns what was counted. Each key is removed atomically, so a view counted meanwhile starts a new sum and is not lost.</summary>
    public IReadOnlyList<(Guid Opportunity, DateOnly Day, int Views)> Take()
    {
        var taken = new List<(Guid, DateOnly, int)>();
        foreach (var key in pending.Keys)
            if (pending.TryRemove(key, out var views)) taken.Add((key.Opportunity, key.Day, views));
        return taken;
    }

    /// <summary>Puts back sums a failed flush could not write, for the next attempt.</summary>
    public void Return((Guid Opportunity, DateOnly Day, int Views) item) => Add((item.Opportunity, item.Day), item.Views);

    private void Add((Guid, DateOnly) key, int views)
    {
        if (pending.Count >= MaxPendingKeys && !pending.ContainsKey(key)) return;
        pending.AddOrUpdate(key, views, (_, n) => n + views);
    }
}
