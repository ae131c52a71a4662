namespace InvestPortal.Core.Search;

/// <summary>
/// How both engines pick the <see cref="MatchScorer.CandidatePool"/> match candidates, so they pick the same pool: a
/// candidate's score is the plain sum of the weights of the terms it shares (no idf, no coord, no norms — idf let a rare
/// concept outrank a shared sector once more than the pool shared a criterion, and differed between BM25 and TF-IDF);
/// the best scores win and ties go to the lower id in ordinal string order (<see cref="CompareIds"/>), which is what
/// Elasticsearch's <c>id</c> keyword sort does (UTF-8 bytes; ids are GUID strings, ASCII only).
/// </summary>
public static class CandidateTerms
{
    public const float SectorWeight = 4f;
    public const float LocationWeight = 2f;
    public const float ModeWeight = 1f;
    public const float ConceptWeight = 0.5f;
    public const float PartnerRegionWeight = 0.5f;

    /// <summary>At most this many concepts become clauses (a profile can carry hundreds).</summary>
    public const int MaxConcepts = 200;

    /// <summary>The clauses for <paramref name="criteria"/>, each code once. Investor profiles have no partner region to match.</summary>
    public static List<CandidateTerm> For(MatchCriteria criteria, bool forOpportunities)
    {
        var terms = new List<CandidateTerm>();
        void Add(CandidateCriterion criterion, IEnumerable<string> codes, float weight)
        {
            foreach (var code in codes.Distinct()) terms.Add(new CandidateTerm(criterion, code, weight));
        }
        Add(CandidateCriterion.Sector, criteria.Sectors, SectorWeight);
        Add(CandidateCriterion.Location, criteria.Locations, LocationWeight);
        Add(CandidateCriterion.Mode, criteria.Modes, ModeWeight);
        Add(CandidateCriterion.Concept, criteria.Concepts.Take(MaxConcepts), ConceptWeight);
        if (forOpportunities) Add(CandidateCriterion.PartnerRegion, criteria.PartnerRegions, PartnerRegionWeight);
        return terms;
    }

    /// <summary>The tie-break among equal scores: ids (<c>Guid.ToString()</c>) in ordinal order, lower first.</summary>
    public static int CompareIds(string x, string y) => string.CompareOrdinal(x, y);
}
