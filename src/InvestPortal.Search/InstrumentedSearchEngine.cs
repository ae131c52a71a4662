using System.Diagnostics;
using InvestPortal.Core.Search;
using InvestPortal.Core.Telemetry;

namespace InvestPortal.Search;

/// <summary>
/// Wraps the configured engine so every call is a span ("search.{operation}") and a point of
/// investportal.search.duration tagged with the engine, whichever engine runs. The engines stay free of telemetry;
/// Elasticsearch's HTTP calls appear as child spans of these through the HttpClient instrumentation.
/// </summary>
public sealed class InstrumentedSearchEngine(ISearchEngine inner) : ISearchEngine, IDisposable
{
    public ISearchEngine Inner => inner;
    public string Name => inner.Name;

    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default) =>
        MeasureAsync("index_opportunities", () => inner.IndexOpportunitiesAsync(documents, ct), documents.Count);
    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        MeasureAsync("delete_opportunities", () => inner.DeleteOpportunitiesAsync(ids, ct), ids.Count);
    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) =>
        MeasureAsync("index_investors", () => inner.IndexInvestorsAsync(documents, ct), documents.Count);
    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        MeasureAsync("delete_investors", () => inner.DeleteInvestorsAsync(ids, ct), ids.Count);

    public Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default) =>
        MeasureAsync("opportunities", () => inner.SearchOpportunitiesAsync(query, ct), r => r.Total);
    public Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default) =>
        MeasureAsync("investors", () => inner.SearchInvestorsAsync(query, ct), r => r.Total);

    public Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default) =>
        MeasureAsync("match_opportunities", () => inner.MatchOpportunitiesForInvestorAsync(investor, top, ct), r => r.Count);
    public Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default) =>
        MeasureAsync("match_investors", () => inner.MatchInvestorsForOpportunityAsync(opportunity, top, ct), r => r.Count);

    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default) =>
        MeasureAsync("store_saved_search", () => inner.StoreSavedSearchAsync(id, query, ct), 1);
    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default) =>
        MeasureAsync("delete_saved_search", () => inner.DeleteSavedSearchAsync(id, ct), 1);
    public Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default) =>
        MeasureAsync("percolate", () => inner.PercolateAsync(document, ct), r => r.Count);

    // A rebuild is a long session of its own, and health is polled by monitors: neither is a search latency.
    public Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
    public Task<SearchHealth> GetHealthAsync(CancellationToken ct = default) => inner.GetHealthAsync(ct);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private Task MeasureAsync(string operation, Func<Task> call, int count) =>
        MeasureAsync<int>(operation, async () => { await call(); return count; }, c => c);

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call, Func<T, long> count)
    {
        using var activity = PortalTelemetry.Source.StartActivity("search." + operation);
        activity?.SetTag(PortalTelemetry.Tags.Engine, inner.Name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            var result = await call();
            activity?.SetTag("search.count", count(result));
            return result;
        }
        catch (Exception ex)
        {
            outcome = ex is SearchUnavailableException ? "unavailable" : "error";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            PortalTelemetry.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(PortalTelemetry.Tags.Engine, inner.Name),
                new KeyValuePair<string, object?>(PortalTelemetry.Tags.Operation, operation),
                new KeyValuePair<string, object?>(PortalTelemetry.Tags.Outcome, outcome));
        }
    }
}
