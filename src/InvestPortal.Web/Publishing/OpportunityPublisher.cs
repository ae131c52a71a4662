using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Publishing;

/// <summary>
/// Every change of an opportunity's status goes through here: the status, its audit entry, the
/// search index request and the emails are saved in ONE SaveChanges, so either all happen or none.
/// </summary>
public sealed class OpportunityPublisher(PortalDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Applies one lifecycle action to a tracked opportunity the caller loaded.</summary>
    public async Task<PublishOutcome> TransitionAsync(Opportunity o, Guid expectedVersion, LifecycleAction action,
        string? reason, Actor actor, CancellationToken ct = default)
    {
        if (o.Version != expectedVersion) return PublishOutcome.Conflict;
        if (o.Status == OpportunityStatus.Published && o.PendingRevisionJson is not null && action is LifecycleAction.Approve or LifecycleAction.Reject)
            return await DecideRevisionAsync(o, expectedVersion, action, reason, actor, ct);
        if (!OpportunityLifecycle.CanApply(o.Status, action)) return PublishOutcome.NotAllowed;
        if (OpportunityLifecycle.RequiresReason(action) && string.IsNullOrWhiteSpace(reason)) return PublishOutcome.ReasonRequired;
        NewVersion(o, expectedVersion);
        // A closed listing has nothing left to revise.
        if (action == LifecycleAction.Close) (o.PendingRevisionJson, o.PendingRevisionAt) = (null, null);
        await StageAsync(o, action, reason, actor, ct);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Saves the owner's edit of a new, draft or rejected opportunity (a rejected one goes back to
    /// Draft), and with <paramref name="submit"/> sends it to review in the same unit of work.
    /// </summary>
    public async Task<PublishOutcome> SaveEditAsync(Opportunity o, bool isNew, Guid expectedVersion, bool submit,
        Actor actor, CancellationToken ct = default)
    {
        if (!isNew && o.Version != expectedVersion) return PublishOutcome.Conflict;
        if (!OpportunityLifecycle.IsEditable(o.Status)) return PublishOutcome.NotAllowed;
        if (isNew) db.Opportunities.Add(o);
        else NewVersion(o, expectedVersion);
        o.UpdatedAt = clock.GetUtcNow();
        if (o.Status == OpportunityStatus.Rejected) await StageAsync(o, LifecycleAction.Reopen, null, actor, ct);
        else db.Audit(isNew ? "opportunity.create" : "opportunity.edit", "opportunity", o.Id.ToString(), actor.UserName,
            from: isNew ? null : o.Status.ToString(), to: o.Status.ToString(), userId: actor.UserId);
        if (submit) await StageAsync(o, LifecycleAction.Submit, null, actor, ct);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Saves the owner's edit of a PUBLISHED opportunity as a pending revision: the public keeps
    /// seeing the approved fields until an admin approves the revision (then it is applied) or
    /// rejects it (then it is dropped and the reason shown to the owner). A second edit before
    /// the decision replaces the first. An edit that changes nothing is not sent to anyone.
    /// </summary>
    public async Task<PublishOutcome> SubmitRevisionAsync(Opportunity o, OpportunitySnapshot revision, Guid expectedVersion,
        Actor actor, CancellationToken ct = default)
    {
        if (o.Version != expectedVersion) return PublishOutcome.Conflict;
        if (!OpportunityLifecycle.CanRevise(o.Status)) return PublishOutcome.NotAllowed;
        if (revision.ChangedFields(OpportunitySnapshot.Of(o)).Count == 0
            && !await db.OpportunityAttachments.AnyAsync(a => a.OpportunityId == o.Id && a.IsPendingReview, ct))
        {
            if (o.PendingRevisionJson is null) return PublishOutcome.Unchanged;
            // Edited back to what is published: there is nothing left to review.
            NewVersion(o, expectedVersion);
            (o.PendingRevisionJson, o.PendingRevisionAt) = (null, null);
            db.Audit("opportunity.revision.withdraw", "opportunity", o.Id.ToString(), actor.UserName,
                from: o.Status.ToString(), to: o.Status.ToString(), userId: actor.UserId);
            return await SaveAsync(ct) is PublishOutcome.Done ? PublishOutcome.Unchanged : PublishOutcome.Conflict;
        }
        NewVersion(o, expectedVersion);
        var json = revision.ToJson();
        o.PendingRevisionJson = json;
        o.PendingRevisionAt = clock.GetUtcNow();
        o.RejectionReason = null;
        // UpdatedAt is left alone: it is the public "last modified" (sitemap) and nothing public changed yet.
        // The revision goes into the audit entry too, so a rejected edit is not lost from the history.
        db.Audit("opportunity.revision.submit", "opportunity", o.Id.ToString(), actor.UserName, details: json,
            from: o.Status.ToString(), to: o.Status.ToString(), userId: actor.UserId);
        await QueueEmailsAsync(o, LifecycleAction.Submit, ct);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// A file was added to a published listing (not saved yet: the caller saves it with the file). Unless a revision
    /// already waits, the current text becomes one, so the listing enters the queue and admins are told as for an edit.
    /// </summary>
    public async Task StageFileForReviewAsync(Opportunity o, Actor actor, CancellationToken ct = default)
    {
        if (o.Status != OpportunityStatus.Published || o.PendingRevisionJson is not null) return;
        var json = OpportunitySnapshot.Of(o).ToJson();
        (o.PendingRevisionJson, o.PendingRevisionAt) = (json, clock.GetUtcNow());
        db.Audit("opportunity.revision.submit", "opportunity", o.Id.ToString(), actor.UserName, details: json,
            from: o.Status.ToString(), to: o.Status.ToString(), reason: "attachment added", userId: actor.UserId);
        await QueueEmailsAsync(o, LifecycleAction.Submit, ct);
    }

    /// <summary>An admin's decision on the pending revision of a published listing; the status stays Published.</summary>
    private async Task<PublishOutcome> DecideRevisionAsync(Opportunity o, Guid expectedVersion, LifecycleAction action,
        string? reason, Actor actor, CancellationToken ct)
    {
        if (action == LifecycleAction.Reject && string.IsNullOrWhiteSpace(reason)) return PublishOutcome.ReasonRequired;
        NewVersion(o, expectedVersion);
        var now = clock.GetUtcNow();
        if (action == LifecycleAction.Approve)
        {
            OpportunitySnapshot.FromJson(o.PendingRevisionJson)!.Apply(o);
            o.RejectionReason = null;
            o.UpdatedAt = now;
            RecordApproval(o, now);
            // Files added since the last approval are part of what was reviewed.
            foreach (var file in await db.OpportunityAttachments.Where(a => a.OpportunityId == o.Id && a.IsPendingReview).ToListAsync(ct))
                file.IsPendingReview = false;
            db.Enqueue(OutboxKinds.Index, new IndexRequest([o.Id], []), $"index:opportunity:{o.Id:N}:{o.Version:N}:revision");
        }
        else
        {
            // The published version stays as it is; the owner reads the reason in the editor and the email.
            o.RejectionReason = reason!.Trim();
        }
        (o.PendingRevisionJson, o.PendingRevisionAt) = (null, null);
        db.Audit($"opportunity.revision.{(action == LifecycleAction.Approve ? "approve" : "reject")}", "opportunity", o.Id.ToString(),
            actor.UserName, from: o.Status.ToString(), to: o.Status.ToString(),
            reason: action == LifecycleAction.Reject ? o.RejectionReason : null, userId: actor.UserId);
        await QueueEmailsAsync(o, action, ct);
        return await SaveAsync(ct);
    }

    /// <summary>Every approval: what the public now sees becomes the base of the next diff, and counts as a confirmation.</summary>
    private static void RecordApproval(Opportunity o, DateTimeOffset now)
    {
        o.PublishedSnapshotJson = OpportunitySnapshot.Of(o).ToJson();
        o.LastConfirmedAt = now;
    }

    // The posted version is what the user saw: EF compares it in the UPDATE's WHERE, so a change
    // saved by someone else in between fails instead of being overwritten.
    private void NewVersion(Opportunity o, Guid expectedVersion)
    {
        db.Entry(o).Property(x => x.Version).OriginalValue = expectedVersion;
        o.Version = Guid.NewGuid();
    }

    private async Task<PublishOutcome> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return PublishOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return PublishOutcome.Conflict;
        }
    }

    private async Task StageAsync(Opportunity o, LifecycleAction action, string? reason, Actor actor, CancellationToken ct)
    {
        var from = o.Status;
        var now = clock.GetUtcNow();
        var to = OpportunityLifecycle.Apply(o, action, reason, now);
        if (action == LifecycleAction.Approve) RecordApproval(o, now);
        db.Audit(OpportunityLifecycle.AuditAction(action), "opportunity", o.Id.ToString(), actor.UserName,
            from: from.ToString(), to: to.ToString(), reason: o.RejectionReason is { } r && action == LifecycleAction.Reject ? r : null,
            userId: actor.UserId);
        // The indexer reads the current status: approve adds the listing, close removes it, the rest are no-ops.
        db.Enqueue(OutboxKinds.Index, new IndexRequest([o.Id], []), $"index:opportunity:{o.Id:N}:{o.Version:N}:{action}");
        if (action == LifecycleAction.Approve) Investing.AlertOutbox.QueueAlerts(db, o);
        await QueueEmailsAsync(o, action, ct);
    }

    private async Task QueueEmailsAsync(Opportunity o, LifecycleAction action, CancellationToken ct)
    {
        var (template, recipients, link) = action switch
        {
            LifecycleAction.Submit => (EmailTemplates.OpportunitySubmitted, await UsersInRoleAsync(Roles.Admin, null, ct), "admin/moderation"),
            LifecycleAction.Approve => (EmailTemplates.OpportunityApproved, await UsersInRoleAsync(Roles.Official, o.OrganizationId, ct), $"opportunities/{o.Slug}"),
            LifecycleAction.Reject => (EmailTemplates.OpportunityRejected, await UsersInRoleAsync(Roles.Official, o.OrganizationId, ct), $"my/opportunities/edit/{o.Id}"),
            LifecycleAction.Close => (EmailTemplates.OpportunityClosed, await UsersInRoleAsync(Roles.Official, o.OrganizationId, ct), "my/opportunities"),
            // Reopening is the owner's own edit: there is nobody to tell.
            _ => (null, [], ""),
        };
        if (template is null) return;
        if (o.Organization is null) await db.Entry(o).Reference(x => x.Organization).LoadAsync(ct);
        foreach (var user in recipients.Where(u => !string.IsNullOrEmpty(u.Email)))
        {
            var culture = Cultures.IsSupported(user.PreferredCulture) ? user.PreferredCulture : Cultures.En;
            var text = o.For(culture, out var fallback);
            var values = new Dictionary<string, string>
            {
                ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                ["organizationName"] = o.Organization?.NameIn(culture) ?? "",
            };
            if (action == LifecycleAction.Reject) values["rejectionReason"] = o.RejectionReason ?? "";
            await notifier.QueueAsync(db, new EmailRequest
            {
                Template = template, ToAddress = user.Email!, ToName = user.DisplayName, Culture = culture,
                UserId = user.Id, LinkPath = link, Values = values,
                TextCulture = fallback ? text?.Culture : null,
                // The new version names this transition: a retry of the same request cannot email twice.
                IdempotencyKey = $"{template}:{o.Id:N}:{o.Version:N}:{user.Id}",
            }, ct);
        }
    }

    /// <summary>Users in a role; with an organization, only its members.</summary>
    private async Task<List<PortalUser>> UsersInRoleAsync(string role, Guid? organizationId, CancellationToken ct)
    {
        var users = from u in db.Users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role
                    select u;
        if (organizationId is { } orgId)
            users = users.Where(u => db.OrganizationMembers.Any(m => m.UserId == u.Id && m.OrganizationId == orgId));
        return await users.Distinct().OrderBy(u => u.Id).ToListAsync(ct);
    }
}
