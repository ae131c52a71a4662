namespace InvestPortal.Core.Search;

/// <summary>
/// A piece of a document's text around the words that matched, as safe HTML: everything is
/// HTML-escaped except the &lt;mark&gt;…&lt;/mark&gt; around hits.
/// </summary>
/// <param name="Field">title, summary, description (opportunities); name, description (investors).</param>
/// <param name="Culture">The language of the snippet: the requested one, or the document's original when it lacks it.</param>
public sealed record Highlight(string Field, string Culture, string Html);

public sealed record SearchHit(Guid Id, string ExternalRef, double Score, IReadOnlyList<Highlight> Highlights);

/// <param name="Facets">group → code → count, for the requested groups; counted over all hits (not only this page).
/// A document in a county-level city is counted under the city and under its prefecture.</param>
public sealed record SearchResult(
    long Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public static SearchResult Empty(int page, int pageSize) => new(0, page, pageSize, [], new Dictionary<string, IReadOnlyDictionary<string, int>>());
}

/// <summary>Why a match was made, as codes the UI localizes: ("sector","forestry-timber"), ("location","231100"), ("ticket-fits", null), ("concept","timber").</summary>
public sealed record MatchReason(string Kind, string? Code = null)
{
    public override string ToString() => Code is null ? Kind : $"{Kind}:{Code}";
}

public static class MatchReasonKinds
{
    public const string Sector = "sector";
    public const string Location = "location";
    public const string PartnerRegion = "partner-region";
    public const string TicketFits = "ticket-fits";
    public const string Mode = "mode";
    public const string Concept = "concept";
}

/// <param name="Score">0..1, comparable within one list; 1 means every preference the investor stated is met.</param>
public sealed record MatchResult(Guid Id, string ExternalRef, double Score, IReadOnlyList<MatchReason> Reasons);

/// <param name="NeedsRebuild">The index was missing or corrupt (or a rebuild was interrupted): run the rebuilder.</param>
public sealed record SearchHealth(
    string Engine, bool Available, bool NeedsRebuild, long Opportunities, long Investors, int SavedSearches, string? Message = null);
