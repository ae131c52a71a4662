namespace InvestPortal.Core.Search;

/// <summary>
/// How well an investor and an opportunity fit, the same in both directions and on both engines. An engine
/// only retrieves candidates (documents sharing at least one criterion, see <see cref="MatchCriteria"/>);
/// this class scores and explains them. The score is the weighted share of the investor's stated preferences
/// that the opportunity meets, so it lies in 0..1 and 1 means "everything the investor asked for".
/// </summary>
public static class MatchScorer
{
    public const double SectorWeight = 0.35;
    public const double LocationWeight = 0.2;
    public const double TicketWeight = 0.2;
    public const double ModeWeight = 0.1;
    public const double ConceptWeight = 0.1;
    public const double PartnerRegionWeight = 0.05;
    /// <summary>This many shared concepts count as a full concept fit.</summary>
    public const int ConceptsForFullFit = 3;
    /// <summary>How many candidates an engine retrieves before scoring.</summary>
    public const int CandidatePool = 500;

    public static (double Score, IReadOnlyList<MatchReason> Reasons) Score(InvestorDocument investor, OpportunityDocument opportunity)
    {
        var reasons = new List<MatchReason>();
        return (Evaluate(investor, opportunity, reasons), reasons);
    }

    /// <summary>The score, and the reasons when a list is given: ranking scores every candidate without reasons
    /// (no allocation per candidate) and explains only the ones it returns.</summary>
    private static double Evaluate(InvestorDocument investor, OpportunityDocument opportunity, List<MatchReason>? reasons)
    {
        double applicable = 0, earned = 0;

        if (investor.Sectors.Count > 0)
        {
            applicable += SectorWeight;
            if (investor.Sectors.Contains(opportunity.Sector))
            {
                earned += SectorWeight;
                reasons?.Add(new MatchReason(MatchReasonKinds.Sector, opportunity.Sector));
            }
        }
        if (investor.Locations.Count > 0)
        {
            applicable += LocationWeight;
            if (investor.Locations.Any(opportunity.LocationPath.Contains) || investor.Locations.Contains(opportunity.Location))
            {
                earned += LocationWeight;
                reasons?.Add(new MatchReason(MatchReasonKinds.Location, opportunity.Location));
            }
        }
        if (investor.TicketMinCny is not null || investor.TicketMaxCny is not null)
        {
            applicable += TicketWeight;
            if (TicketFits(investor, opportunity))
            {
                earned += TicketWeight;
                reasons?.Add(new MatchReason(MatchReasonKinds.TicketFits));
            }
        }
        if (investor.Modes.Count > 0)
        {
            applicable += ModeWeight;
            if (opportunity.Modes.Any(investor.Modes.Contains))
            {
                earned += ModeWeight;
                reasons?.AddRange(opportunity.Modes.Where(investor.Modes.Contains).Select(m => new MatchReason(MatchReasonKinds.Mode, m)));
            }
        }
        if (investor.Concepts.Count > 0)
        {
            applicable += ConceptWeight;
            var shared = investor.Concepts.Count(opportunity.Concepts.Contains);
            if (shared > 0)
            {
                earned += ConceptWeight * Math.Min(1.0, shared / (double)Math.Min(ConceptsForFullFit, investor.Concepts.Count));
                reasons?.AddRange(investor.Concepts.Where(opportunity.Concepts.Contains).Select(c => new MatchReason(MatchReasonKinds.Concept, c)));
            }
        }
        if (investor.HomeRegion is not null)
        {
            applicable += PartnerRegionWeight;
            if (opportunity.PartnerRegion == investor.HomeRegion)
            {
                earned += PartnerRegionWeight;
                reasons?.Add(new MatchReason(MatchReasonKinds.PartnerRegion, investor.HomeRegion));
            }
        }
        return applicable == 0 ? 0 : Math.Round(earned / applicable, 4);
    }

    /// <summary>The investor can put in between min and max; the opportunity takes from its minimum ticket (or the whole amount) up to its total.</summary>
    public static bool TicketFits(InvestorDocument investor, OpportunityDocument opportunity)
    {
        if (opportunity.AmountCny is not { } total) return false;
        var needsAtLeast = opportunity.MinTicketCny ?? total;
        return (investor.TicketMaxCny is null || investor.TicketMaxCny >= needsAtLeast)
            && (investor.TicketMinCny is null || investor.TicketMinCny <= total);
    }

    /// <summary>Scores candidates for an investor and returns the best, ties broken by newest then ref.</summary>
    public static IReadOnlyList<MatchResult> Rank(InvestorDocument investor, IEnumerable<OpportunityDocument> candidates, int top) =>
        candidates.DistinctBy(o => o.Id)
            .Select(o => (Doc: o, Score: Evaluate(investor, o, null)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Doc.PublishedAt).ThenBy(x => x.Doc.ExternalRef, StringComparer.Ordinal)
            .Take(Math.Max(0, top))
            .Select(x => Explain(x.Doc.Id, x.Doc.ExternalRef, investor, x.Doc))
            .ToList();

    public static IReadOnlyList<MatchResult> Rank(OpportunityDocument opportunity, IEnumerable<InvestorDocument> candidates, int top) =>
        candidates.DistinctBy(i => i.Id)
            .Select(i => (Doc: i, Score: Evaluate(i, opportunity, null)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Doc.UpdatedAt).ThenBy(x => x.Doc.ExternalRef, StringComparer.Ordinal)
            .Take(Math.Max(0, top))
            .Select(x => Explain(x.Doc.Id, x.Doc.ExternalRef, x.Doc, opportunity))
            .ToList();

    private static MatchResult Explain(Guid id, string externalRef, InvestorDocument investor, OpportunityDocument opportunity)
    {
        var (score, reasons) = Score(investor, opportunity);
        return new MatchResult(id, externalRef, score, reasons);
    }
}
