namespace InvestPortal.Core.Search;

/// <summary>
/// What an engine retrieves match candidates by: documents having ANY of these (OR), at most
/// <see cref="MatchScorer.CandidatePool"/> of them, ranked by the engine's own score. Opportunities are looked up by
/// sector, location (Locations already include children), mode, concept and partner region; investor profiles by
/// sectors, LocationScope, modes and concepts.
/// </summary>
public sealed record MatchCriteria(
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations, IReadOnlyList<string> Modes,
    IReadOnlyList<string> Concepts, IReadOnlyList<string> PartnerRegions)
{
    public bool IsEmpty => Sectors.Count + Locations.Count + Modes.Count + Concepts.Count + PartnerRegions.Count == 0;

    public static MatchCriteria ForInvestor(InvestorDocument investor) => new(
        investor.Sectors, investor.LocationScope, investor.Modes, investor.Concepts,
        investor.HomeRegion is null ? [] : [investor.HomeRegion]);

    public static MatchCriteria ForOpportunity(OpportunityDocument opportunity) => new(
        [opportunity.Sector], opportunity.LocationPath, opportunity.Modes, opportunity.Concepts, []);
}
