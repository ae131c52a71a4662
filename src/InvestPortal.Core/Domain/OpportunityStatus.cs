namespace InvestPortal.Core.Domain;

/// <summary>Draft → PendingReview → Published → Closed; PendingReview → Rejected → Draft.</summary>
public enum OpportunityStatus { Draft, PendingReview, Published, Rejected, Closed }
