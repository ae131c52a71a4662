using System.Collections.Concurrent;
using InvestPortal.Core.Search;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// An engine that counts how often each opportunity is indexed (by writes or by a rebuild), and otherwise delegates.
/// <see cref="BeforeRebuildStoresSavedSearches"/> runs when a rebuild has read (and written) every listing and profile
/// and read the saved searches: a change another node makes then is one the rebuild's read did not see.
/// </summary>
internal sealed class CountingSearchEngine(ISearchEngine inner) : ISearchEngine
{
    public ConcurrentDictionary<Guid, int> OpportunityIndexings { get; } = new();
    public Func<Task>? BeforeRebuildStoresSavedSearches { get; set; }
    public int Rebuilds => _rebuilds;
    private int _rebuilds;

    private void Count(IEnumerable<OpportunityDocument> documents)
    {
        foreach (var d in documents) OpportunityIndexings.AddOrUpdate(d.Id, 1, (_, n) => n + 1);
    }

    public string Name => inner.Name;

    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default)
    {
        Count(documents);
        return inner.IndexOpportunitiesAsync(documents, ct);
    }

    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteOpportunitiesAsync(ids, ct);
    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) => inner.IndexInvestorsAsync(documents, ct);
    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteInvestorsAsync(ids, ct);
    public Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default) => inner.SearchOpportunitiesAsync(query, ct);
    public Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default) => inner.SearchInvestorsAsync(query, ct);
    public Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default) =>
        inner.MatchOpportunitiesForInvestorAsync(investor, top, ct);
    public Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default) =>
        inner.MatchInvestorsForOpportunityAsync(opportunity, top, ct);
    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default) => inner.StoreSavedSearchAsync(id, query, ct);
    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default) => inner.DeleteSavedSearchAsync(id, ct);
    public Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default) => inner.PercolateAsync(document, ct);
    public Task<SearchHealth> GetHealthAsync(CancellationToken ct = default) => inner.GetHealthAsync(ct);

    public async Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _rebuilds);
        return new CountingRebuild(this, await inner.BeginRebuildAsync(ct));
    }

    private sealed class CountingRebuild(CountingSearchEngine owner, ISearchRebuild inner) : ISearchRebuild
    {
        public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default)
        {
            owner.Count(documents);
            return inner.IndexOpportunitiesAsync(documents, ct);
        }

        public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) => inner.IndexInvestorsAsync(documents, ct);
        public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteOpportunitiesAsync(ids, ct);
        public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteInvestorsAsync(ids, ct);
        public Task DeleteSavedSearchesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteSavedSearchesAsync(ids, ct);
        public async Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default)
        {
            if (owner.BeforeRebuildStoresSavedSearches is { } before) await before();
            await inner.StoreSavedSearchesAsync(savedSearches, ct);
        }
        public Task CompleteAsync(CancellationToken ct = default) => inner.CompleteAsync(ct);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
