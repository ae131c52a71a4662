using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Insight;

/// <summary>
/// One pass of the listing-expiry rule of DOMAIN.md: a published listing not confirmed for
/// <see cref="ListingsOptions.ReminderAfterDays"/> gets a reminder to its organization's officials;
/// one still unconfirmed <see cref="ListingsOptions.CloseAfterReminderDays"/> after the reminder is
/// closed through <see cref="OpportunityPublisher"/> (audit, index removal and "closed" email included).
/// Demo listings are skipped: nobody owns them, and the demo catalogue must not empty itself.
/// </summary>
/// <remarks>
/// Safe to run on several nodes at once: a reminder is claimed with a conditional UPDATE in the same
/// transaction as its emails (only one node's UPDATE matches), and a close is an optimistic-concurrency
/// transition (only one node's version check passes). Running it twice does nothing the second time.
/// </remarks>
public sealed class ListingExpiry(PortalDbContext db, IServiceScopeFactory scopes, Notifier notifier,
    IOptions<ListingsOptions> options, TimeProvider clock, ILogger<ListingExpiry> log)
{
    public const string ActorName = "listing-expiry";
    private const int Batch = 100;

    public sealed record Result(int Reminded, int Closed);

    public async Task<Result> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var reminded = 0;
        foreach (var id in await DueForReminderAsync(now, ct))
            if (await RemindAsync(id, now, ct)) reminded++;
        var closed = 0;
        foreach (var id in await DueForClosingAsync(now, ct))
            if (await CloseAsync(id, now, ct)) closed++;
        if (reminded + closed > 0) log.LogInformation("Listing expiry: {Reminded} reminded, {Closed} closed", reminded, closed);
        return new Result(reminded, closed);
    }

    /// <summary>When a listing's owner must confirm it next: publication counts as the first confirmation.</summary>
    public static DateTimeOffset? ReminderDue(Opportunity o, ListingsOptions options) =>
        (o.LastConfirmedAt ?? o.PublishedAt)?.AddDays(options.ReminderAfterDays);

    /// <summary>When a reminded listing closes unless someone confirms it.</summary>
    public static DateTimeOffset? ClosesOn(Opportunity o, ListingsOptions options) =>
        IsReminded(o) ? o.ExpiryReminderSentAt!.Value.AddDays(options.CloseAfterReminderDays) : null;

    /// <summary>A reminder older than the last confirmation belongs to an earlier period and does not count.</summary>
    public static bool IsReminded(Opportunity o) =>
        o.ExpiryReminderSentAt is { } sent && sent >= (o.LastConfirmedAt ?? o.PublishedAt ?? DateTimeOffset.MinValue);

    private IQueryable<Opportunity> Candidates => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published && !o.IsDemo);

    private Task<List<Guid>> DueForReminderAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now.AddDays(-options.Value.ReminderAfterDays);
        return NotRemindedSinceConfirmation(Candidates).Where(o => (o.LastConfirmedAt ?? o.PublishedAt) < cutoff)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct);
    }

    private Task<List<Guid>> DueForClosingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now.AddDays(-options.Value.CloseAfterReminderDays);
        return Candidates.Where(o => o.ExpiryReminderSentAt != null && o.ExpiryReminderSentAt < cutoff
                && o.ExpiryReminderSentAt >= (o.LastConfirmedAt ?? o.PublishedAt))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct);
    }

    private static IQueryable<Opportunity> NotRemindedSinceConfirmation(IQueryable<Opportunity> q) =>
        q.Where(o => o.ExpiryReminderSentAt == null || o.ExpiryReminderSentAt < (o.LastConfirmedAt ?? o.PublishedAt));

    private async Task<bool> RemindAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cutoff = now.AddDays(-options.Value.ReminderAfterDays);
        // The claim: whichever node's UPDATE matches first sends the reminder; the others match nothing.
        var claimed = await NotRemindedSinceConfirmation(Candidates.Where(o => o.Id == id))
            .Where(o => (o.LastConfirmedAt ?? o.PublishedAt) < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiryReminderSentAt, now), ct);
        if (claimed == 0) return false;

        var o = await db.Opportunities.AsNoTracking().Include(x => x.Translations).Include(x => x.Organization)
            .AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        var closesOn = now.AddDays(options.Value.CloseAfterReminderDays);
        var officials = await OfficialsAsync(o.OrganizationId, ct);
        foreach (var user in officials)
        {
            var culture = Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture : Cultures.En;
            var text = o.For(culture, out var fallback);
            await notifier.QueueAsync(db, new EmailRequest
            {
                Template = EmailTemplates.OpportunityExpiryReminder, ToAddress = user.Email!, ToName = user.DisplayName,
                Culture = culture, UserId = user.Id, LinkPath = $"my/opportunities/{o.Id}/insight",
                Values = new Dictionary<string, string>
                {
                    ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                    ["expiryDate"] = Infrastructure.Formatting.Date(closesOn, culture),
                },
                TextCulture = fallback ? text?.Culture : null,
                IdempotencyKey = $"{EmailTemplates.OpportunityExpiryReminder}:{o.Id:N}:{now.UtcTicks}:{user.Id}",
            }, ct);
        }
        var audit = db.Audit("opportunity.expiry-reminder", "opportunity", o.Id.ToString(), ActorName,
            details: $"reminded {officials.Count} official(s); closes on {closesOn:yyyy-MM-dd} unless confirmed");
        audit.At = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    // A fresh scope per listing: a conflict leaves nothing tracked behind for the next one.
    private async Task<bool> CloseAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopedDb = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<OpportunityPublisher>();
        var o = await scopedDb.Opportunities.Include(x => x.Translations).Include(x => x.Organization)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || o.Status != OpportunityStatus.Published || !IsReminded(o)
            || o.ExpiryReminderSentAt!.Value.AddDays(options.Value.CloseAfterReminderDays) > now) return false;
        var audit = scopedDb.Audit("opportunity.expire", "opportunity", o.Id.ToString(), ActorName,
            reason: $"not confirmed since the reminder of {o.ExpiryReminderSentAt:yyyy-MM-dd}");
        audit.At = now;
        o.Outcome = ListingOutcomes.Expired;
        var outcome = await publisher.TransitionAsync(o, o.Version, LifecycleAction.Close, null, new Actor(null, ActorName), ct);
        return outcome == PublishOutcome.Done;
    }

    private Task<List<PortalUser>> OfficialsAsync(Guid organizationId, CancellationToken ct) =>
        OwnedOpportunities.OfficialsOf(db, organizationId).ToListAsync(ct);
}
