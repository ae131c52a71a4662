using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Investing;

/// <summary>
/// Percolates a newly published opportunity against every saved search (in any language: the
/// percolator uses the same concept semantics as search) and records one SearchAlert per matching
/// search. The pair is unique, so a message handled twice or an opportunity approved again alerts
/// nobody twice. Immediate searches get their email in the same SaveChanges as the alert; daily and
/// weekly ones wait for <see cref="AlertDigest"/>.
/// </summary>
public sealed class SearchAlertHandler(PortalDbContext db, ISearchEngine engine, SearchDocumentBuilder builder, Notifier notifier,
    IOptionsMonitor<MailOptions> mail, TimeProvider clock) : IOutboxHandler
{
    public string Kind => AlertOutbox.AlertsKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = message.ReadPayload<AlertRequest>();
        // The dispatcher shares this scope's context across a batch: start from a clean unit of work.
        db.ChangeTracker.Clear();
        try
        {
            await AlertAsync(request.OpportunityId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded some of the same pairs at the same moment: start again from what is stored now.
            db.ChangeTracker.Clear();
            await AlertAsync(request.OpportunityId, cancellationToken);
        }
    }

    private async Task AlertAsync(Guid opportunityId, CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().Include(x => x.Translations).FirstOrDefaultAsync(x => x.Id == opportunityId, ct);
        // Closed (or back in review) before the message ran: alerts are for what is published now.
        if (o is null || builder.Build(o) is not { } document) return;
        var matched = await engine.PercolateAsync(document, ct);
        if (matched.Count == 0) return;

        var now = clock.GetUtcNow();
        foreach (var chunk in matched.Distinct().Chunk(500))
        {
            var already = await db.SearchAlerts.Where(a => a.OpportunityId == o.Id && chunk.Contains(a.SavedSearchId))
                .Select(a => a.SavedSearchId).ToListAsync(ct);
            var searches = await db.SavedSearches.AsNoTracking()
                .Where(s => chunk.Contains(s.Id) && !already.Contains(s.Id) && !s.QueryJson.Contains(SavedSearches.PausedMarker))
                .ToListAsync(ct);
            var userIds = searches.Select(s => s.UserId).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            foreach (var search in searches)
            {
                var alert = new SearchAlert { SavedSearchId = search.Id, OpportunityId = o.Id, CreatedAt = now };
                db.SearchAlerts.Add(alert);
                if (search.Frequency != AlertFrequency.Immediate) continue;
                if (users.TryGetValue(search.UserId, out var user)) await QueueEmailAsync(search, user, o, ct);
                // Handled even when the owner switched alert emails off: switching them on again must not replay old alerts.
                alert.SentAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task QueueEmailAsync(SavedSearch search, PortalUser user, Opportunity o, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(user.Email)) return;
        // The language the search was saved in: the owner reads the alert as they read the search page.
        var culture = Cultures.IsSupported(search.Culture) ? search.Culture : Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture : Cultures.En;
        var text = o.For(culture, out var fallback);
        await notifier.QueueAsync(db, new EmailRequest
        {
            Template = EmailTemplates.SavedSearchMatch, ToAddress = user.Email, ToName = user.DisplayName, Culture = culture,
            UserId = user.Id, LinkPath = $"opportunities/{o.Slug}",
            Values = new Dictionary<string, string>
            {
                ["savedSearchName"] = search.Name,
                ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                ["opportunitySummary"] = text?.Summary ?? "",
                // Plain text in the template: where to rename, pause or delete this alert (the footer's link stops them all).
                ["manageUrl"] = EmailComposer.Url(mail.CurrentValue, culture, "my/alerts"),
            },
            TextCulture = fallback ? text?.Culture : null,
            IdempotencyKey = $"{EmailTemplates.SavedSearchMatch}:{search.Id:N}:{o.Id:N}",
        }, ct);
    }
}
