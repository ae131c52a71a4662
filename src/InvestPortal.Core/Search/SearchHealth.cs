namespace InvestPortal.Core.Search;

/// <param name="NeedsRebuild">The index was missing or corrupt (or a rebuild was interrupted): run the rebuilder.</param>
public sealed record SearchHealth(
    string Engine, bool Available, bool NeedsRebuild, long Opportunities, long Investors, int SavedSearches, string? Message = null);
