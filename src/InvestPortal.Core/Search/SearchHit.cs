namespace InvestPortal.Core.Search;

public sealed record SearchHit(Guid Id, string ExternalRef, double Score, IReadOnlyList<Highlight> Highlights);
