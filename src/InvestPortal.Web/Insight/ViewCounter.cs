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
    /// <summary>Slugs remembered for counting cache hits; beyond this, a hit on a slug not yet seen goes uncounted.</summary>
    public const int MaxRememberedSlugs = 200_000;

    private readonly ConcurrentDictionary<(Guid Opportunity, DateOnly Day), int> pending = new();
    private readonly ConcurrentDictionary<string, (Guid Id, string Cultures)> slugs = new(StringComparer.Ordinal);
    /// <summary>Readers whose interface language the listing has no text in, per listing, month and language.</summary>
    private readonly ConcurrentDictionary<(Guid Opportunity, DateOnly Month, string Culture), int> missing = new();

    /// <summary>Search engines, link previewers and monitors are not readers; a request without a User-Agent is a script.</summary>
    public static bool IsBot(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) || BotMarkers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <param name="missingCulture">The reader's interface language when the listing has no text in it (they read another one).</param>
    public void Record(Guid opportunityId, string? userAgent, string? missingCulture = null)
    {
        if (IsBot(userAgent)) return;
        var today = DailyStats.Today(clock);
        Add((opportunityId, today), 1);
        if (missingCulture is not null) AddMissing((opportunityId, new DateOnly(today.Year, today.Month, 1), missingCulture), 1);
        Core.Telemetry.PortalTelemetry.PageViews.Add(1);
    }

    /// <summary>
    /// The detail page's handler tells which listing a slug shows, so a later view served from the output
    /// cache (where no handler runs) is still counted by <see cref="RecordCachedView"/>.
    /// </summary>
    /// <param name="cultures">The languages the listing has texts in ("zh,ru"), so a cached view in another one counts as translation demand.</param>
    public void RememberSlug(string slug, Guid opportunityId, string cultures = "")
    {
        if (slugs.Count < MaxRememberedSlugs || slugs.ContainsKey(slug)) slugs[slug] = (opportunityId, cultures);
    }

    /// <summary>A view of a detail page served from the cache. Its entry was made by the handler in this process, which remembered the slug.</summary>
    public void RecordCachedView(string slug, string? userAgent, string? culture = null)
    {
        if (slugs.TryGetValue(slug, out var known))
            Record(known.Id, userAgent, culture is not null && !known.Cultures.Contains(culture, StringComparison.Ordinal) ? culture : null);
    }

    /// <summary>Removes and returns what was counted. Each key is removed atomically, so a view counted meanwhile starts a new sum and is not lost.</summary>
    public IReadOnlyList<(Guid Opportunity, DateOnly Day, int Views)> Take()
    {
        var taken = new List<(Guid, DateOnly, int)>();
        foreach (var key in pending.Keys)
            if (pending.TryRemove(key, out var views)) taken.Add((key.Opportunity, key.Day, views));
        return taken;
    }

    /// <summary>Removes and returns the translation-demand sums, like <see cref="Take"/>.</summary>
    public IReadOnlyList<(Guid Opportunity, DateOnly Month, string Culture, int Readers)> TakeMissing()
    {
        var taken = new List<(Guid, DateOnly, string, int)>();
        foreach (var key in missing.Keys)
            if (missing.TryRemove(key, out var readers)) taken.Add((key.Opportunity, key.Month, key.Culture, readers));
        return taken;
    }

    public void ReturnMissing((Guid Opportunity, DateOnly Month, string Culture, int Readers) item) =>
        AddMissing((item.Opportunity, item.Month, item.Culture), item.Readers);

    private void AddMissing((Guid, DateOnly, string) key, int readers)
    {
        if (missing.Count >= MaxPendingKeys && !missing.ContainsKey(key)) return;
        missing.AddOrUpdate(key, readers, (_, n) => n + readers);
    }

    /// <summary>Puts back sums a failed flush could not write, for the next attempt.</summary>
    public void Return((Guid Opportunity, DateOnly Day, int Views) item) => Add((item.Opportunity, item.Day), item.Views);

    private void Add((Guid, DateOnly) key, int views)
    {
        if (pending.Count >= MaxPendingKeys && !pending.ContainsKey(key)) return;
        pending.AddOrUpdate(key, views, (_, n) => n + views);
    }
}
