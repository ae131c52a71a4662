namespace InvestPortal.Web.Publishing;

/// <summary>What saving the listing editor did, and the listing it did it to (a new listing's id is made on saving).</summary>
public sealed record EditResult(EditOutcome Outcome, Guid OpportunityId);
