namespace InvestPortal.Core.Search;

public interface ISearchRebuild : IAsyncDisposable
{
    Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default);
    Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default);
    Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default);

    /// <summary>
    /// Removes from the new index documents this rebuild wrote that stopped being indexable after it read them: a
    /// write made elsewhere between that read and this rebuild's own write is not seen by the rebuild (a delete that
    /// arrives first finds nothing to delete), so the rebuild checks the database again before it completes.
    /// </summary>
    Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
    Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
    Task DeleteSavedSearchesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    Task CompleteAsync(CancellationToken ct = default);
}
