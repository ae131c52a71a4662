using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Translations;

/// <summary>
/// The owners' digest of translation requests: once a (UTC) day at most, each official of an organization whose
/// listings readers asked to read in another language gets one email listing them, in the official's language.
/// </summary>
/// <remarks>
/// Exactly once, as the saved-search digest: the idempotency key names the official and the day, and the emails and
/// the requests' NotifiedAt are saved in one SaveChanges. An organization one of whose officials already had today's
/// digest waits for tomorrow, so no request is marked told without having been in an email. Requests answered before
/// their digest are only marked.
/// </remarks>
public sealed class TranslationRequestDigest(PortalDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Queues what is due now; returns the number of emails queued.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var organizations = await (from r in db.TranslationRequests
                                   join o in db.Opportunities on r.OpportunityId equals o.Id
                                   where r.NotifiedAt == null
                                   select o.OrganizationId).Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var organizationId in organizations)
        {
            try
            {
                queued += await DigestAsync(organizationId, day, ct);
            }
            catch (DbUpdateException)
            {
                // Another node sent this organization's digest at the same moment (the keys are unique).
                db.ChangeTracker.Clear();
            }
        }
        return queued;
    }

    private async Task<int> DigestAsync(Guid organizationId, string day, CancellationToken ct)
    {
        var officials = await OwnedOpportunities.OfficialsOf(db, organizationId).AsNoTracking().ToListAsync(ct);
        var keys = officials.ToDictionary(u => u.Id, u => $"{EmailTemplates.TranslationRequests}:{day}:{u.Id}");
        var values = keys.Values.ToList();
        if (await db.OutboxMessages.AnyAsync(m => values.Contains(m.IdempotencyKey!), ct)) return 0;

        var rows = await (from r in db.TranslationRequests
                          join o in db.Opportunities on r.OpportunityId equals o.Id
                          where r.NotifiedAt == null && o.OrganizationId == organizationId
                          orderby r.CreatedAt
                          select r).ToListAsync(ct);
        var ids = rows.Select(r => r.OpportunityId).Distinct().ToList();
        var listings = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
            .Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var r in rows) r.NotifiedAt = now;
        // Still open: published, and still without that language.
        var open = rows.Where(r => listings.TryGetValue(r.OpportunityId, out var o) && o.Status == OpportunityStatus.Published
            && o.Translations.All(t => t.Culture != r.Culture)).ToList();
        var queued = 0;
        if (open.Count > 0)
        {
            foreach (var official in officials)
            {
                var culture = Cultures.IsSupported(official.PreferredCulture) ? official.PreferredCulture : Cultures.Zh;
                var items = open.GroupBy(r => (r.OpportunityId, r.Culture)).Select(g =>
                {
                    var o = listings[g.Key.OpportunityId];
                    var text = o.For(culture, out var fallback);
                    var summary = Phrase(culture, g.Count(), g.Key.Culture);
                    return new EmailItem(text?.Title ?? o.ExternalRef, $"my/opportunities/{o.Id}/insight", summary, fallback ? text?.Culture : null);
                }).ToList();
                var message = await notifier.QueueAsync(db, new EmailRequest
                {
                    Template = EmailTemplates.TranslationRequests, ToAddress = official.Email!, ToName = official.DisplayName,
                    Culture = culture, UserId = official.Id, LinkPath = "my/opportunities",
                    Values = new Dictionary<string, string> { ["count"] = open.Count.ToString(CultureInfo.InvariantCulture) },
                    Items = items, IdempotencyKey = keys[official.Id],
                }, ct);
                if (message is not null) queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    /// <summary>"2 readers asked for Russian", in the email's language.</summary>
    private static string Phrase(string culture, int count, string requested) => culture switch
    {
        Cultures.Zh => $"{count} 位读者请求{LanguageName(Cultures.Zh, requested)}版本",
        Cultures.Ru => $"Запросов версии на {LanguageName(Cultures.Ru, requested)}: {count}",
        _ => $"{count} {(count == 1 ? "reader" : "readers")} asked for {LanguageName(Cultures.En, requested)}",
    };

    private static string LanguageName(string culture, string language) => (culture, language) switch
    {
        (Cultures.Zh, Cultures.Zh) => "中文", (Cultures.Zh, Cultures.Ru) => "俄文", (Cultures.Zh, _) => "英文",
        (Cultures.Ru, Cultures.Zh) => "китайском", (Cultures.Ru, Cultures.Ru) => "русском", (Cultures.Ru, _) => "английском",
        (_, Cultures.Zh) => "Chinese", (_, Cultures.Ru) => "Russian", _ => "English",
    };
}
