using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// One item of the queue in full: every language side by side, and what changed since the version the public saw
/// (<see cref="ModerationReview"/>). Approve or reject from here.
/// </summary>
public sealed class ReviewModel(ModerationReview review, ModerationDecisions decisions) : PortalPageModel
{
    public Opportunity Item { get; private set; } = null!;
    public ModerationKind Kind { get; private set; }
    public OpportunitySnapshot Proposed { get; private set; } = new();
    public OpportunitySnapshot? Previous { get; private set; }
    public IReadOnlyList<ReviewFieldRow> Fields { get; private set; } = [];
    public IReadOnlyList<ReviewTextDiffRow> TextDiffs { get; private set; } = [];
    public bool IsWaiting { get; private set; }
    public bool HasError { get; private set; }
    public string? ReasonInput { get; private set; }
    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid version, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Approve, null, Actor, ct);
        if (!result.Found) return NotFound();
        TempData["Message"] = result.Outcome == PublishOutcome.Done ? "Moderation.Approved" : result.MessageKey;
        return Redirect(Href("admin/moderation"));
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid version, string? reason, string? template, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var check = decisions.CheckReason(reason, template, Item.OriginalCulture);
        if (!check.IsValid)
        {
            (HasError, ReasonInput, ReasonError) = (true, reason, check.Error);
            return Page();
        }
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Reject, check.Reason, Actor, ct);
        TempData["Message"] = result.Outcome == PublishOutcome.Done ? "Moderation.Rejected" : result.MessageKey;
        return Redirect(Href("admin/moderation"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await review.FindAsync(id, Culture, ct) is not { } found) return false;
        (Item, Kind, IsWaiting, Proposed, Previous, Fields, TextDiffs) = found;
        return true;
    }
}
