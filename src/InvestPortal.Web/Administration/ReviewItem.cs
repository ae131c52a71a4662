using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;

namespace InvestPortal.Web.Administration;

/// <summary>
/// One listing as the review page shows it: the proposal, the version the public saw (null for a new listing), and
/// what changed between them.
/// </summary>
public sealed record ReviewItem(
    Opportunity Item, ModerationKind Kind, bool IsWaiting, OpportunitySnapshot Proposed, OpportunitySnapshot? Previous,
    IReadOnlyList<ReviewFieldRow> Fields, IReadOnlyList<ReviewTextDiffRow> TextDiffs);
