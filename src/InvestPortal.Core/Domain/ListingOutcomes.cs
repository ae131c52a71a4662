namespace InvestPortal.Core.Domain;

/// <summary>
/// How a closed listing ended (stored in Opportunity.Outcome). Three codes say the investment landed, three that it
/// did not; a listing closed before outcomes were recorded has none. The codes are the contract of the funnel's
/// exports: rename the labels, never the codes.
/// </summary>
public static class ListingOutcomes
{
    public const string AgreementSigned = "agreement-signed";
    public const string UnderConstruction = "under-construction";
    public const string Operating = "operating";
    public const string Withdrawn = "withdrawn";
    public const string Expired = "expired";
    public const string NoPartner = "no-partner";

    public static readonly IReadOnlyList<string> Landed = [AgreementSigned, UnderConstruction, Operating];
    public static readonly IReadOnlyList<string> NotLanded = [Withdrawn, Expired, NoPartner];
    public static readonly IReadOnlyList<string> All = [.. Landed, .. NotLanded];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static bool IsLanded(string? code) => code is not null && Landed.Contains(code);
}
