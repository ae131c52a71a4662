namespace InvestPortal.Core.Search;

/// <param name="Score">0..1, comparable within one list; 1 means every preference the investor stated is met.</param>
public sealed record MatchResult(Guid Id, string ExternalRef, double Score, IReadOnlyList<MatchReason> Reasons);
