using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Outbox;

/// <summary>Which documents to (re)index or remove; the handler reads their current state from the database.</summary>
public sealed record IndexRequest(IReadOnlyList<Guid> OpportunityIds, IReadOnlyList<Guid> InvestorProfileIds);
