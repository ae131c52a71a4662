namespace InvestPortal.Web.Administration;

/// <summary>The outcome of a correction and, when it is <see cref="CrossingCorrectionOutcome.Invalid"/>, each problem as (field, resource key).</summary>
public sealed record CrossingCorrectionResult(CrossingCorrectionOutcome Outcome, IReadOnlyList<(string Field, string Key)> Errors)
{
    public static CrossingCorrectionResult Of(CrossingCorrectionOutcome outcome) => new(outcome, []);
}
