namespace InvestPortal.Core.Domain;

/// <summary>How a closed expression of interest ended (stored in ExpressionOfInterest.Outcome).</summary>
public static class InterestOutcomes
{
    public const string Agreed = "agreed";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
    public const string NoResponse = "no-response";

    public static readonly IReadOnlyList<string> All = [Agreed, Declined, Withdrawn, NoResponse];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
