using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>
/// Gathers unsent alerts of daily searches once a (UTC) day and of weekly searches once an ISO week
/// into one digest email per user, grouped by saved search.
/// </summary>
/// <remarks>
/// Exactly once: the email's idempotency key names the user and the period, and the email and the
/// alerts' SentAt are saved in one SaveChanges. A crash before it leaves everything to the next
/// check; a key already used in this period (another node, or an earlier check today) means the
/// user had their digest, so newer alerts wait for the next period instead of being marked sent
/// without having been in an email.
/// </remarks>
public sealed class AlertDigest(PortalDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Sends what is due now; returns the number of digests queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await RunAsync(AlertFrequency.Daily, now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct)
            + await RunAsync(AlertFrequency.Weekly, $"{ISOWeek.GetYear(now.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(now.UtcDateTime):00}", ct);
    }

    private async Task<int> RunAsync(AlertFrequency frequency, string period, CancellationToken ct)
    {
        var pending = await (from a in db.SearchAlerts
                             join s in db.SavedSearches on a.SavedSearchId equals s.Id
                             where a.SentAt == null && s.Frequency == frequency
                             select s.UserId).Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var userId in pending)
        {
            var key = $"{EmailTemplates.SavedSearchDigest}:{frequency}:{period}:{userId}";
            if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, ct)) continue;
            try
            {
                if (await DigestAsync(userId, frequency, key, ct)) queued++;
            }
            catch (DbUpdateException)
            {
                // Another node took this user's digest for the period at the same moment (the key is unique).
                db.ChangeTracker.Clear();
            }
        }
        return queued;
    }

    private async Task<bool> DigestAsync(string userId, AlertFrequency frequency, string key, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        var rows = await (from a in db.SearchAlerts
                          join s in db.SavedSearches on a.SavedSearchId equals s.Id
                          where a.SentAt == null && s.Frequency == frequency && s.UserId == userId
                          orderby s.Name, a.CreatedAt
                          select new { Alert = a, Search = s }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var row in rows) row.Alert.SentAt = now;
        if (user?.Email is not { Length: > 0 } email || rows.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return false;
        }

        var searches = rows.Select(r => r.Search).DistinctBy(s => s.Id).ToList();
        var culture = Cultures.IsSupported(searches[0].Culture) ? searches[0].Culture : Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture : Cultures.En;
        var ids = rows.Select(r => r.Alert.OpportunityId).Distinct().ToList();
        var opportunities = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
            .Where(o => ids.Contains(o.Id) && o.Status == OpportunityStatus.Published).ToDictionaryAsync(o => o.Id, ct);
        // Grouped by saved search: the items come search by search, each summary naming its search.
        var items = rows.Where(r => opportunities.ContainsKey(r.Alert.OpportunityId)).Select(r =>
        {
            var o = opportunities[r.Alert.OpportunityId];
            var text = o.For(culture, out var fallback);
            var summary = string.IsNullOrWhiteSpace(text?.Summary) ? $"«{r.Search.Name}»" : $"«{r.Search.Name}» — {text.Summary}";
            return new EmailItem(text?.Title ?? o.ExternalRef, $"opportunities/{o.Slug}", summary, fallback ? text?.Culture : null);
        }).ToList();
        if (items.Count == 0)
        {
            // Everything was closed again before the digest: nothing worth an email.
            await db.SaveChangesAsync(ct);
            return false;
        }
        var single = searches.Count == 1 && SavedSearches.Query(searches[0]) is { } q ? AlertLinks.SearchPath(q) : null;
        var message = await notifier.QueueAsync(db, new EmailRequest
        {
            Template = EmailTemplates.SavedSearchDigest, ToAddress = email, ToName = user.DisplayName, Culture = culture, UserId = user.Id,
            LinkPath = single ?? "my/alerts",
            Values = new Dictionary<string, string>
            {
                ["savedSearchName"] = string.Join(", ", searches.Select(s => s.Name)),
                ["count"] = items.Count.ToString(CultureInfo.InvariantCulture),
                ["frequency"] = frequency.ToString(),
            },
            Items = items,
            IdempotencyKey = key,
        }, ct);
        await db.SaveChangesAsync(ct);
        return message is not null;
    }
}
