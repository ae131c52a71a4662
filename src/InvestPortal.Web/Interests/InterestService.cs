using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Interests;

/// <summary>
/// Every change of an expression of interest: the row, its counters, its audit entry and its emails
/// are written in one transaction, so a failure leaves nothing half done and nobody emailed twice.
/// </summary>
public sealed class InterestService(PortalDbContext db, InterestMail mail, UserManager<PortalUser> users, TimeProvider clock)
{
    public const int ReplyMax = 4000;

    /// <summary>Only enterprises and investors register interest; officials and admins answer it.</summary>
    public static bool CanRegister(ClaimsPrincipal user) => user.IsInRole(Roles.Enterprise) || user.IsInRole(Roles.Investor);

    /// <summary>The organization the user acts for: a membership, else the one of their investor profile.</summary>
    public async Task<Organization?> OrganizationOfAsync(string userId, CancellationToken ct = default) =>
        await db.OrganizationMembers.Where(m => m.UserId == userId).OrderBy(m => m.Organization!.CreatedAt)
            .Select(m => m.Organization!).FirstOrDefaultAsync(ct)
        ?? await db.InvestorProfiles.Where(p => p.UserId == userId && p.OrganizationId != null)
            .Select(p => p.Organization!).FirstOrDefaultAsync(ct);

    /// <summary>Whether the form must ask for an organization name: no membership and no investor profile to take one from.</summary>
    public async Task<bool> NeedsOrganizationNameAsync(string userId, CancellationToken ct = default) =>
        await OrganizationOfAsync(userId, ct) is null && !await db.InvestorProfiles.AnyAsync(p => p.UserId == userId, ct);

    /// <summary>The open interest the user's organization already has in this opportunity, if any.</summary>
    public async Task<ExpressionOfInterest?> OpenInterestAsync(Guid opportunityId, string userId, CancellationToken ct = default) =>
        await OrganizationOfAsync(userId, ct) is { } org
            ? await db.ExpressionsOfInterest.AsNoTracking().FirstOrDefaultAsync(e => e.OpportunityId == opportunityId
                && e.OrganizationId == org.Id && e.Status != InterestStatus.Closed, ct)
            : null;

    public async Task<SubmitResult> SubmitAsync(Guid opportunityId, PortalUser user, InterestInput input, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Counting first takes the write lock on the listing's row (PostgreSQL) or the database
        // (SQLite) until commit, so two people of one organization posting at once are serialized
        // and the second one's check below sees the first one's interest.
        var locked = await db.Opportunities.Where(o => o.Id == opportunityId && o.Status == OpportunityStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.InterestCount, o => o.InterestCount + 1), ct);
        // Unpublished between the page load and the post: as if it never existed.
        if (locked == 0) return new(SubmitOutcome.NotPublished);
        var opportunity = await db.Opportunities.Include(o => o.Translations).AsSplitQuery().FirstAsync(o => o.Id == opportunityId, ct);

        var org = await OrganizationOfAsync(user.Id, ct) ?? await CreateOrganizationAsync(user, input, ct);
        if (org is null) return new(SubmitOutcome.NeedsOrganization);
        if (org.Id == opportunity.OrganizationId) return new(SubmitOutcome.OwnOpportunity);
        var existing = await db.ExpressionsOfInterest.Where(e => e.OpportunityId == opportunityId && e.OrganizationId == org.Id
            && e.Status != InterestStatus.Closed).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return new(SubmitOutcome.AlreadyOpen, id);

        var now = clock.GetUtcNow();
        var interest = new ExpressionOfInterest
        {
            OpportunityId = opportunityId, OrganizationId = org.Id, UserId = user.Id, Role = input.ParsedRole(),
            Amount = input.ParsedAmount(), Currency = input.ParsedAmount() is null ? null : input.Currency,
            Message = input.Message!.Trim(), ContactPerson = input.ContactPerson!.Trim(), ContactEmail = input.ContactEmail!.Trim(),
            ContactPhone = string.IsNullOrWhiteSpace(input.ContactPhone) ? null : input.ContactPhone.Trim(),
            CreatedAt = now, UpdatedAt = now,
        };
        db.ExpressionsOfInterest.Add(interest);
        await CountTodayAsync(opportunityId, DateOnly.FromDateTime(now.UtcDateTime), ct);
        // No names, amounts or contacts in the audit log: it outlives account deletion.
        db.Audit("interest.submit", "interest", interest.Id.ToString(), user.UserName, to: nameof(InterestStatus.Submitted), userId: user.Id,
            details: $"opportunity={opportunityId};organization={org.Id}");
        await mail.InterestReceivedAsync(opportunity, interest, org, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(SubmitOutcome.Done, interest.Id);
    }

    /// <summary>One owner step: acknowledge, move to discussion, or close with an outcome; stale posts change nothing.</summary>
    public async Task<StepOutcome> AdvanceAsync(ExpressionOfInterest e, InterestStatus expected, InterestStatus target, string? outcome,
        string? reply, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (target == InterestStatus.Closed)
        {
            if (!InterestOutcomes.IsKnown(outcome) || outcome == InterestOutcomes.Withdrawn) return StepOutcome.OutcomeRequired;
        }
        else if (InterestLifecycle.Next(expected) != target) return StepOutcome.NotAllowed;
        if (!InterestLifecycle.IsOpen(expected)) return StepOutcome.NotAllowed;
        return await ApplyAsync(e, expected, target, target == InterestStatus.Closed ? outcome : null, reply, actor, withdrawn: false, ct);
    }

    /// <summary>The interested organization takes its interest back: closed as withdrawn, the owner told.</summary>
    public Task<StepOutcome> WithdrawAsync(ExpressionOfInterest e, InterestStatus expected, ClaimsPrincipal actor, CancellationToken ct = default) =>
        InterestLifecycle.IsOpen(expected)
            ? ApplyAsync(e, expected, InterestStatus.Closed, InterestOutcomes.Withdrawn, null, actor, withdrawn: true, ct)
            : Task.FromResult(StepOutcome.NotAllowed);

    private async Task<StepOutcome> ApplyAsync(ExpressionOfInterest e, InterestStatus expected, InterestStatus target, string? outcome,
        string? reply, ClaimsPrincipal actor, bool withdrawn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        if (reply?.Length > ReplyMax) reply = reply[..ReplyMax];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The status the user saw is part of the WHERE: a second click, or a colleague who was
        // faster, updates nothing here, so no second email is queued.
        var changed = await db.ExpressionsOfInterest.Where(x => x.Id == e.Id && x.Status == expected)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(x => x.Status, target).SetProperty(x => x.UpdatedAt, now);
                if (outcome is not null) s.SetProperty(x => x.Outcome, outcome);
                if (reply is not null) s.SetProperty(x => x.OwnerReply, reply);
                if (target == InterestStatus.Acknowledged) s.SetProperty(x => x.AcknowledgedAt, now);
                // An agreement was discussed even if the owner skipped the step: the funnel counts it in discussion.
                if (target == InterestStatus.InDiscussion || outcome == InterestOutcomes.Agreed)
                    s.SetProperty(x => x.DiscussionAt, x => x.DiscussionAt ?? now);
                // Any step of the owner answers the interest; only the first one counts for the reply time.
                if (!withdrawn) s.SetProperty(x => x.FirstReplyAt, x => x.FirstReplyAt ?? now);
            }, ct);
        if (changed == 0) return StepOutcome.Stale;
        var fresh = await db.ExpressionsOfInterest.AsNoTracking().Include(x => x.Organization).FirstAsync(x => x.Id == e.Id, ct);
        var opportunity = await db.Opportunities.AsNoTracking().Include(o => o.Translations).Include(o => o.Organization)
            .AsSplitQuery().FirstAsync(o => o.Id == fresh.OpportunityId, ct);
        db.Audit(withdrawn ? "interest.withdraw" : $"interest.{target.ToString().ToLowerInvariant()}", "interest", e.Id.ToString(),
            actor.Identity?.Name, from: expected.ToString(), to: target.ToString(), reason: outcome, userId: users.GetUserId(actor));
        if (withdrawn) await mail.WithdrawnAsync(opportunity, fresh, fresh.Organization!, ct);
        else await mail.StatusChangedAsync(opportunity, fresh, opportunity.Organization!, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return StepOutcome.Done;
    }

    private async Task CountTodayAsync(Guid opportunityId, DateOnly day, CancellationToken ct)
    {
        var updated = await db.OpportunityDailyStats.Where(s => s.OpportunityId == opportunityId && s.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Interests, x => x.Interests + 1), ct);
        if (updated == 0) db.OpportunityDailyStats.Add(new OpportunityDailyStat { OpportunityId = opportunityId, Day = day, Interests = 1 });
    }

    /// <summary>An investor without an organization gets one from their investor profile, or from the name they typed.</summary>
    private async Task<Organization?> CreateOrganizationAsync(PortalUser user, InterestInput input, CancellationToken ct)
    {
        var profile = await db.InvestorProfiles.Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == user.Id, ct);
        var org = new Organization { Kind = OrganizationKind.Investor, IsVerified = false, CreatedAt = clock.GetUtcNow() };
        if (profile is not null)
        {
            foreach (var t in profile.Translations.Where(t => !string.IsNullOrWhiteSpace(t.Name)))
                SetName(org, t.Culture, t.Name.Trim());
            org.Name = profile.For(profile.OriginalCulture, out _)?.Name ?? user.DisplayName;
            org.Country = string.IsNullOrEmpty(profile.Country) ? null : profile.Country;
        }
        else if (!string.IsNullOrWhiteSpace(input.OrganizationName))
        {
            org.Name = input.OrganizationName.Trim();
            org.Kind = (await users.IsInRoleAsync(user, Roles.Enterprise)) ? OrganizationKind.Enterprise : OrganizationKind.Investor;
        }
        else return null;
        if (string.IsNullOrWhiteSpace(org.Name)) org.Name = user.DisplayName;
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org.Id });
        if (profile is not null) profile.OrganizationId = org.Id;
        return org;
    }

    private static void SetName(Organization org, string culture, string name)
    {
        switch (culture)
        {
            case Cultures.Zh: org.NameZh = name; break;
            case Cultures.Ru: org.NameRu = name; break;
            case Cultures.En: org.NameEn = name; break;
        }
    }
}
