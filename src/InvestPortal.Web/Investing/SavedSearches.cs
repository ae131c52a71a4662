using System.Text.Json.Nodes;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>
/// A user's saved searches. Every change queues a "saved-search" outbox message in the same
/// SaveChanges, whose handler stores (or removes) the query in the engine's percolator.
/// </summary>
/// <remarks>
/// Pausing: the schema has no column for it (frozen this round), so a paused search carries
/// <c>"paused":true</c> next to the query in QueryJson. The query reader ignores unknown
/// members, the percolator drops a paused search, and the alert handler skips it anyway.
/// </remarks>
public sealed class SavedSearches(PortalDbContext db, TimeProvider clock)
{
    public const int NameMax = 200;
    public const int MaxPerUser = 50;
    private const string PausedMember = "paused";
    /// <summary>How a paused search looks in QueryJson (as written by <see cref="WithPaused"/>), for database filters.</summary>
    public const string PausedMarker = "\"paused\":true";

    public async Task<IReadOnlyList<SavedSearch>> ListAsync(string userId, CancellationToken ct = default) =>
        await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);

    /// <summary>Another user's id gives null, just like an unknown one: pages answer 404 either way.</summary>
    public Task<SavedSearch?> FindAsync(string userId, Guid id, CancellationToken ct = default) =>
        db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, ct);

    public Task<int> CountAsync(string userId, CancellationToken ct = default) => db.SavedSearches.CountAsync(s => s.UserId == userId, ct);

    /// <summary>Whether the user has <see cref="MaxPerUser"/> searches already, so a new one is refused.</summary>
    public async Task<bool> IsFullAsync(string userId, CancellationToken ct = default) => await CountAsync(userId, ct) >= MaxPerUser;

    public async Task<SavedSearch> CreateAsync(string userId, string name, OpportunityQuery query, AlertFrequency frequency, string culture, CancellationToken ct = default)
    {
        // Paging, sort and facets are the page's, not the search's: keep only what decides a match.
        var stored = query with { Page = 1, PageSize = OpportunityQuery.DefaultPageSize, Facets = [], Sort = SearchSort.Relevance, Culture = culture };
        var search = new SavedSearch
        {
            UserId = userId, Name = name.Trim(), QueryJson = SearchQueryJson.Serialize(stored), Frequency = frequency,
            Culture = culture, CreatedAt = clock.GetUtcNow(),
        };
        db.SavedSearches.Add(search);
        QueueSync(search.Id);
        await db.SaveChangesAsync(ct);
        return search;
    }

    public async Task UpdateAsync(SavedSearch search, string name, AlertFrequency frequency, bool paused, CancellationToken ct = default)
    {
        var wasPaused = IsPaused(search);
        search.Name = name.Trim();
        search.Frequency = frequency;
        search.QueryJson = WithPaused(search.QueryJson, paused);
        if (wasPaused != paused) QueueSync(search.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(SavedSearch search, CancellationToken ct = default)
    {
        db.SavedSearches.Remove(search);
        QueueSync(search.Id);
        await db.SaveChangesAsync(ct);
    }

    public static bool IsPaused(SavedSearch search) => search.QueryJson.Contains(PausedMarker, StringComparison.Ordinal);

    /// <summary>The search page's query string for this saved search ("run it").</summary>
    public static OpportunityQuery? Query(SavedSearch search) => SearchQueryJson.TryDeserialize(search.QueryJson);

    private static string WithPaused(string json, bool paused)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? [];
        if (paused) node[PausedMember] = true;
        else node.Remove(PausedMember);
        return node.ToJsonString();
    }

    private void QueueSync(Guid id) =>
        db.Enqueue(AlertOutbox.SavedSearchKind, new SavedSearchSync(id), $"saved-search:{id:N}:{clock.GetUtcNow().UtcTicks}:{Guid.NewGuid():N}");
}
