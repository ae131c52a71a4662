namespace InvestPortal.Core.Search;

/// <summary>
/// The one search and matching contract, implemented by the Lucene engine (embedded default) and the
/// Elasticsearch engine. Meaning lives in Core (<see cref="SearchSemantics"/>, <see cref="MatchScorer"/>);
/// an engine translates it. Writes are visible to searches when the returned task completes.
/// Unavailable engine: methods throw <see cref="SearchUnavailableException"/>.
/// </summary>
public interface ISearchEngine
{
    /// <summary>"lucene" or "elasticsearch".</summary>
    string Name { get; }

    /// <summary>Adds or replaces (by Id). Only documents from <see cref="SearchDocumentBuilder"/> (published / public) may be given.</summary>
    Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default);
    Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
    Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default);
    Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default);
    Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default);

    /// <summary>Indexed opportunities ranked for an investor (any profile, indexed or not), best first, each with reasons.</summary>
    Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default);
    /// <summary>Indexed public profiles ranked for an opportunity (published or not), best first, each with reasons.</summary>
    Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default);

    /// <summary>Stores (or replaces) a saved search for percolation.</summary>
    Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default);
    Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default);
    /// <summary>Ids of stored saved searches whose query (text and filters; paging, sort and facets ignored) matches the document.</summary>
    Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default);

    /// <summary>
    /// Starts a full rebuild: documents and saved searches given to the returned session replace
    /// everything at <see cref="ISearchRebuild.CompleteAsync"/>; until then searches see the old index.
    /// Disposing without completing abandons the rebuild.
    /// </summary>
    Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default);

    Task<SearchHealth> GetHealthAsync(CancellationToken ct = default);
}
