namespace InvestPortal.Web.Demand;

/// <summary>
/// What investors look for in one sector × location (prefecture) × ticket band, any of them null for "any", and how
/// many published listings fit it. <see cref="IsGap"/>: demand that nothing on offer answers.
/// </summary>
public sealed record DemandCell(string? Sector, string? Location, string? Band,
    int SavedSearches, int Profiles, int Searches, DateTimeOffset? FirstSeenAt, DateTimeOffset? LastSeenAt,
    int Listings, IReadOnlyList<DemandQuery> TopQueries)
{
    public int Total => SavedSearches + Profiles + Searches;
    public bool IsGap => Listings == 0;
}
