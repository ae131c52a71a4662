using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Approve and reject, one listing or many: each goes through the publisher with the version the moderator saw, so a
/// listing changed in the meantime is reported as a conflict instead of being decided blind.
/// </summary>
public sealed class ModerationDecisions(PortalDbContext db, OpportunityPublisher publisher, ModerationQueue queue, IStringLocalizer<SharedResource> l)
{
    public const int MaxReason = 2000;

    /// <summary>The reason to send: what the moderator typed, else the chosen template in the listing's original language.</summary>
    public string? ResolveReason(string? typed, string? template, string originalCulture)
    {
        var reason = typed?.Trim();
        if (string.IsNullOrEmpty(reason) && ReasonTemplates.IsKnown(template)) reason = ReasonTemplates.Text(l, template!, originalCulture);
        return string.IsNullOrEmpty(reason) ? null : reason;
    }

    /// <summary>The reason to send, or why there is none: nothing typed nor chosen, or longer than <see cref="MaxReason"/>.</summary>
    public ReasonCheck CheckReason(string? typed, string? template, string originalCulture)
    {
        var resolved = ResolveReason(typed, template, originalCulture);
        if (resolved is null) return new ReasonCheck(null, l["Moderation.ReasonRequired"]);
        return resolved.Length > MaxReason ? new ReasonCheck(null, l["Validation.Length", l["Moderation.Reason"], MaxReason]) : new ReasonCheck(resolved, null);
    }

    public async Task<DecisionResult> DecideAsync(Guid id, Guid version, LifecycleAction action, string? reason, Actor actor, CancellationToken ct = default)
    {
        var o = await db.Opportunities.Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return new DecisionResult(id, id.ToString(), null);
        var title = o.Translations.FirstOrDefault(t => t.Culture == o.OriginalCulture)?.Title ?? o.Translations.FirstOrDefault()?.Title ?? o.ExternalRef;
        var outcome = await publisher.TransitionAsync(o, version, action, reason, actor, ct);
        // A failed save leaves the context dirty; the next item of a bulk decision must start clean.
        if (outcome != PublishOutcome.Done) db.ChangeTracker.Clear();
        return new DecisionResult(id, title, outcome);
    }

    /// <summary>
    /// Rejects with the typed reason, else the chosen template in the listing's original language; when neither gives
    /// a reason to send, nothing is decided and <see cref="ReasonCheck.Error"/> says why.
    /// </summary>
    public async Task<RejectResult> RejectAsync(Guid id, Guid version, string? typed, string? template, Actor actor,
        CancellationToken ct = default)
    {
        var check = CheckReason(typed, template, await queue.OriginalCultureAsync(id, ct) ?? Cultures.En);
        return check.IsValid ? new(await DecideAsync(id, version, LifecycleAction.Reject, check.Reason, actor, ct), null) : new(null, check.Error);
    }

    /// <summary>Approves the checked items of a bulk form: the message key for the whole, and a line per listing.</summary>
    public async Task<BulkApproval> BulkApproveAsync(IEnumerable<string>? items, Actor actor,
        CancellationToken ct = default)
    {
        var parsed = ParseItems(items);
        if (parsed.Count == 0) return new("Moderation.BulkNothing", []);
        var results = await ApproveManyAsync(parsed, actor, ct);
        var lines = results.Select(r => new BulkApprovalLine(r.Title, r.MessageKey, r.Outcome == PublishOutcome.Done)).ToList();
        return new(lines.All(line => line.Ok) ? "Moderation.BulkAllApproved" : "Moderation.BulkSomeFailed", lines);
    }

    /// <summary>The checked items of a bulk form, each posted as "id:version" (the version the moderator saw); malformed ones are left out.</summary>
    public static IReadOnlyList<(Guid Id, Guid Version)> ParseItems(IEnumerable<string>? items) =>
        (items ?? []).Select(value => value.Split(':'))
            .Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && Guid.TryParse(p[1], out _))
            .Select(p => (Guid.Parse(p[0]), Guid.Parse(p[1]))).ToList();

    /// <summary>Approves each (id, version) in turn; one conflict does not stop the others.</summary>
    public async Task<IReadOnlyList<DecisionResult>> ApproveManyAsync(IEnumerable<(Guid Id, Guid Version)> items, Actor actor, CancellationToken ct = default)
    {
        var results = new List<DecisionResult>();
        foreach (var (id, version) in items.DistinctBy(i => i.Id))
        {
            results.Add(await DecideAsync(id, version, LifecycleAction.Approve, null, actor, ct));
            db.ChangeTracker.Clear();
        }
        return results;
    }
}
