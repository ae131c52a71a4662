using System.Collections.Concurrent;
using InvestPortal.Core.Search;
using InvestPortal.Data;

namespace InvestPortal.Web.Demand;

/// <summary>
/// Sums searches that found nothing in memory, keyed by normalized words, interface language and filters only;
/// <see cref="UnmetSearchFlusher"/> writes the sums. A search costs a dictionary increment, never a database write,
/// and nothing about the searcher (account, address, session) is ever seen here.
/// </summary>
public sealed class UnmetSearchRecorder(TimeProvider clock, ExchangeRateCache rates)
{
    /// <summary>Beyond this many distinct searches between flushes, new ones are dropped rather than growing memory without bound.</summary>
    public const int MaxPendingKeys = 10_000;

    private readonly ConcurrentDictionary<(string Query, string Culture, string Filters), UnmetSearchSum> pending = new();

    /// <summary>Called with every search that found nothing on its first page; a search with neither words nor filters never finds nothing.</summary>
    public void Record(OpportunityQuery query)
    {
        if (query.Page != 1) return;
        var text = DemandText.Normalize(query.Text);
        var filters = DemandFilters.Of(query, rates.Table).Key;
        if (text.Length == 0 && filters.Length == 0) return;
        var now = clock.GetUtcNow();
        Add(new UnmetSearchSum(text, query.Culture, filters, 1, now, now));
    }

    /// <summary>Removes and returns what was summed; a search counted meanwhile starts a new sum and is not lost.</summary>
    public IReadOnlyList<UnmetSearchSum> Take()
    {
        var taken = new List<UnmetSearchSum>();
        foreach (var key in pending.Keys)
            if (pending.TryRemove(key, out var sum)) taken.Add(sum);
        return taken;
    }

    /// <summary>Puts back a sum a failed flush could not write.</summary>
    public void Return(UnmetSearchSum sum) => Add(sum);

    private void Add(UnmetSearchSum sum)
    {
        var key = (sum.Query, sum.Culture, sum.Filters);
        if (pending.Count >= MaxPendingKeys && !pending.ContainsKey(key)) return;
        pending.AddOrUpdate(key, sum, (_, s) => s with
        {
            Count = s.Count + sum.Count,
            FirstSeenAt = s.FirstSeenAt < sum.FirstSeenAt ? s.FirstSeenAt : sum.FirstSeenAt,
            LastSeenAt = s.LastSeenAt > sum.LastSeenAt ? s.LastSeenAt : sum.LastSeenAt,
        });
    }
}
