namespace InvestPortal.Core.Search;

public interface ISearchRebuild : IAsyncDisposable
{
    Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default);
    Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default);
    Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default);
    Task CompleteAsync(CancellationToken ct = default);
}
