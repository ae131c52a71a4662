using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Publishing;

/// <summary>
/// The transitions of DOMAIN.md and nothing else: Draft → PendingReview → Published → Closed, and
/// PendingReview → Rejected → Draft (the owner edits a rejected listing and resubmits it).
/// </summary>
public static class OpportunityLifecycle
{
    private static readonly Dictionary<LifecycleAction, (OpportunityStatus From, OpportunityStatus To)> Transitions = new()
    {
        [LifecycleAction.Submit] = (OpportunityStatus.Draft, OpportunityStatus.PendingReview),
        [LifecycleAction.Approve] = (OpportunityStatus.PendingReview, OpportunityStatus.Published),
        [LifecycleAction.Reject] = (OpportunityStatus.PendingReview, OpportunityStatus.Rejected),
        [LifecycleAction.Reopen] = (OpportunityStatus.Rejected, OpportunityStatus.Draft),
        [LifecycleAction.Close] = (OpportunityStatus.Published, OpportunityStatus.Closed),
    };

    /// <summary>The status the action leads to from <paramref name="from"/>, or null when it is not allowed there.</summary>
    public static OpportunityStatus? Target(OpportunityStatus from, LifecycleAction action) =>
        Transitions.TryGetValue(action, out var t) && t.From == from ? t.To : null;

    public static bool CanApply(OpportunityStatus from, LifecycleAction action) => Target(from, action) is not null;

    /// <summary>The audit action name, e.g. "opportunity.approve".</summary>
    public static string AuditAction(LifecycleAction action) => "opportunity." + action.ToString().ToLowerInvariant();

    /// <summary>A rejection without a reason would leave the owner guessing what to fix.</summary>
    public static bool RequiresReason(LifecycleAction action) => action == LifecycleAction.Reject;

    /// <summary>Owners may change the texts and fields only while nobody else relies on them.</summary>
    public static bool IsEditable(OpportunityStatus status) => status is OpportunityStatus.Draft or OpportunityStatus.Rejected;

    /// <summary>
    /// A published listing is edited through a pending revision (see <see cref="OpportunitySnapshot"/>):
    /// the public keeps the approved version until an admin approves the new one.
    /// </summary>
    public static bool CanRevise(OpportunityStatus status) => status == OpportunityStatus.Published;

    /// <summary>
    /// Applies the action to the opportunity's status fields; throws when the transition is not
    /// allowed or a required reason is missing (callers check <see cref="CanApply"/> first to show a message).
    /// </summary>
    public static OpportunityStatus Apply(Opportunity opportunity, LifecycleAction action, string? reason, DateTimeOffset now)
    {
        var to = Target(opportunity.Status, action)
            ?? throw new InvalidOperationException($"Cannot {action} an opportunity in status {opportunity.Status}.");
        if (RequiresReason(action) && string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A rejection needs a reason.", nameof(reason));
        opportunity.Status = to;
        opportunity.UpdatedAt = now;
        switch (action)
        {
            case LifecycleAction.Approve:
                opportunity.PublishedAt = now;
                opportunity.RejectionReason = null;
                break;
            case LifecycleAction.Reject:
                opportunity.RejectionReason = reason!.Trim();
                break;
            case LifecycleAction.Close:
                opportunity.ClosedAt = now;
                break;
            case LifecycleAction.Submit:
                // The previous rejection stays readable in the audit log; the owner's list shows the current state.
                opportunity.RejectionReason = null;
                break;
        }
        return to;
    }
}
