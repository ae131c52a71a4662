namespace InvestPortal.Core.Search;

/// <summary>One candidate clause: a document having <see cref="Code"/> under <see cref="Criterion"/> earns <see cref="Weight"/>.</summary>
public readonly record struct CandidateTerm(CandidateCriterion Criterion, string Code, float Weight);
