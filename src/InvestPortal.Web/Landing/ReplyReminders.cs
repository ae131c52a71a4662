using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Landing;

/// <summary>
/// One pass of the reply-time rule: an open interest the owner has not answered in
/// <see cref="ReplyTimesOptions.OwnerReminderAfterDays"/> days reminds the owner organization's officials; one still
/// unanswered <see cref="ReplyTimesOptions.AdminAlertAfterDays"/> days after that reminder is reported to the admins.
/// Each is sent once per interest: the sending is claimed with a conditional UPDATE in the same transaction as its
/// emails, so several nodes (or a repeated pass) send nothing twice. Interests on demo listings are skipped: nobody
/// owns them.
/// </summary>
public sealed class ReplyReminders(PortalDbContext db, Notifier notifier, InterestMail mail, IOptions<ReplyTimesOptions> options,
    TimeProvider clock, ILogger<ReplyReminders> log)
{
    public const string ActorName = "reply-reminder";
    private const int Batch = 100;

    public sealed record Result(int OwnersReminded, int AdminsAlerted);

    public async Task<Result> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var reminded = 0;
        var ownerCutoff = now.AddDays(-options.Value.OwnerReminderAfterDays);
        foreach (var id in await Unanswered.Where(e => e.OwnerReminderSentAt == null && e.CreatedAt < ownerCutoff)
                     .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(Batch).ToListAsync(ct))
            if (await SendAsync(id, now, toAdmins: false, ct)) reminded++;
        var alerted = 0;
        var adminCutoff = now.AddDays(-options.Value.AdminAlertAfterDays);
        foreach (var id in await Unanswered.Where(e => e.AdminAlertSentAt == null && e.OwnerReminderSentAt != null && e.OwnerReminderSentAt < adminCutoff)
                     .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(Batch).ToListAsync(ct))
            if (await SendAsync(id, now, toAdmins: true, ct)) alerted++;
        if (reminded + alerted > 0) log.LogInformation("Reply reminders: {Owners} owners reminded, {Admins} admin alerts", reminded, alerted);
        return new Result(reminded, alerted);
    }

    private IQueryable<ExpressionOfInterest> Unanswered => db.ExpressionsOfInterest
        .Where(e => e.Status != InterestStatus.Closed && e.FirstReplyAt == null && !e.Opportunity!.IsDemo);

    private async Task<bool> SendAsync(Guid id, DateTimeOffset now, bool toAdmins, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim: whichever node's UPDATE matches first sends; an answer given meanwhile matches nothing.
        var claimed = toAdmins
            ? await Unanswered.Where(e => e.Id == id && e.AdminAlertSentAt == null && e.OwnerReminderSentAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.AdminAlertSentAt, now), ct)
            : await Unanswered.Where(e => e.Id == id && e.OwnerReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.OwnerReminderSentAt, now), ct);
        if (claimed == 0) return false;

        var e = await db.ExpressionsOfInterest.AsNoTracking().Include(x => x.Organization).FirstAsync(x => x.Id == id, ct);
        var o = await db.Opportunities.AsNoTracking().Include(x => x.Translations).Include(x => x.Organization)
            .AsSplitQuery().FirstAsync(x => x.Id == e.OpportunityId, ct);
        var template = toAdmins ? EmailTemplates.InterestReplyOverdue : EmailTemplates.InterestReplyReminder;
        var recipients = toAdmins ? await AdminsAsync(ct) : await OwnedOpportunities.OfficialsOf(db, o.OrganizationId).ToListAsync(ct);
        var days = (int)Math.Floor((now - e.CreatedAt).TotalDays);
        foreach (var user in recipients)
        {
            var culture = InterestMail.Culture(user);
            var text = o.For(culture, out var fallback);
            await notifier.QueueAsync(db, new EmailRequest
            {
                Template = template, ToAddress = user.Email!, ToName = user.DisplayName, Culture = culture, UserId = user.Id,
                LinkPath = toAdmins ? "admin/landing" : $"my/opportunities/{o.Id}/interests/{e.Id}",
                Values = new Dictionary<string, string>
                {
                    ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                    ["organizationName"] = mail.OrganizationLabel(e.Organization!, culture),
                    ["ownerOrganization"] = o.Organization!.NameIn(culture),
                    ["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                TextCulture = fallback ? text?.Culture : null,
                IdempotencyKey = $"{template}:{e.Id:N}:{user.Id}",
            }, ct);
        }
        var audit = db.Audit(toAdmins ? "interest.reply-overdue" : "interest.reply-reminder", "interest", e.Id.ToString(), ActorName,
            details: $"{recipients.Count} recipient(s); unanswered for {days} day(s)");
        audit.At = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private Task<List<PortalUser>> AdminsAsync(CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin && u.Email != null && u.Email != ""
         select u).Distinct().OrderBy(u => u.Id).ToListAsync(ct);
}
