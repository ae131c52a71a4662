using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>The review queue: listings waiting for approval, oldest first, with every language side by side.</summary>
public sealed class ModerationModel(PortalDbContext db, OpportunityPublisher publisher, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l, UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public const int MaxReason = 2000;
    public IReadOnlyList<OpportunityView> Queue { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    /// <summary>The listing whose reject form came back with an error, so its message shows next to its field.</summary>
    public Guid? ErrorFor { get; private set; }
    public string? ReasonError { get; private set; }
    public string? ReasonInput { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid version, CancellationToken ct) =>
        DecideAsync(id, version, LifecycleAction.Approve, null, ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid version, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            ErrorFor = id;
            ReasonInput = reason;
            ReasonError = string.IsNullOrEmpty(reason) ? l["Moderation.ReasonRequired"] : l["Validation.Length", l["Moderation.Reason"], MaxReason];
            await LoadAsync(ct);
            return Page();
        }
        return await DecideAsync(id, version, LifecycleAction.Reject, reason, ct);
    }

    private async Task<IActionResult> DecideAsync(Guid id, Guid version, LifecycleAction action, string? reason, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.Translations).Include(o => o.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null) return NotFound();
        var outcome = await publisher.TransitionAsync(opportunity, version, action, reason, new Actor(users.GetUserId(User), User.Identity?.Name), ct);
        Message = outcome switch
        {
            PublishOutcome.Done => action == LifecycleAction.Approve ? "Moderation.Approved" : "Moderation.Rejected",
            PublishOutcome.Conflict => "Moderation.Conflict",
            _ => "Moderation.NotPending",
        };
        return Redirect(Href("admin/moderation"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await db.Opportunities.AsNoTracking().Include(o => o.Translations).Include(o => o.Organization)
            // Published listings with an edit waiting for review are in the same queue (the public keeps the approved text meanwhile).
            .Where(o => o.Status == OpportunityStatus.PendingReview || (o.Status == OpportunityStatus.Published && o.PendingRevisionJson != null))
            // Submitting stamps UpdatedAt, so this is the order in which they were sent to review.
            .OrderBy(o => o.UpdatedAt).ThenBy(o => o.ExternalRef).AsSplitQuery().ToListAsync(ct);
        Queue = pending.Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
    }
}
