using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Administration;

/// <summary>A waiting listing in the review queue, with its texts in the moderator's language.</summary>
public sealed record ModerationRow(ModerationItem Item, OpportunityView View);
