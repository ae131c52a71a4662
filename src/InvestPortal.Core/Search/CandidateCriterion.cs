namespace InvestPortal.Core.Search;

/// <summary>Which criterion of <see cref="MatchCriteria"/> a candidate term comes from; each engine maps it to its field.</summary>
public enum CandidateCriterion { Sector, Location, Mode, Concept, PartnerRegion }
