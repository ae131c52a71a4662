using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Highlight = Elastic.Clients.Elasticsearch.Core.Search.Highlight;
using Elastic.Clients.Elasticsearch.QueryDsl;
using InvestPortal.Core.Search;
using F = InvestPortal.Search.Elasticsearch.ElasticsearchFields;

namespace InvestPortal.Search.Elasticsearch;

public sealed partial class ElasticsearchSearchEngine
{
    /// <summary>
    /// Pages starting beyond this many hits are reached with search_after hops of this size instead of a large
    /// "from": no request ever collects more than DeepPagingStep + page size hits per shard.
    /// </summary>
    internal const int DeepPagingStep = 1000;
    /// <summary>Percolation hits fetched per request (paged with search_after over the saved search id).</summary>
    internal const int PercolateBatch = 1000;

    public async Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default)
    {
        var plan = _semantics.Plan(query);
        return await RunAsync(_indices.Opportunities, ElasticsearchQueries.Opportunities(plan),
            ElasticsearchQueries.OpportunitySort(plan.Sort), plan.Sort != SearchSort.Relevance,
            plan.Skip, plan.PageSize, ElasticsearchQueries.Facets(plan.Facets, opportunities: true), plan.Facets,
            _queries.Highlight(plan.Text, plan.Concepts, F.OpportunityTextFields), F.OpportunityTextFields, plan.Culture,
            "searching opportunities", ct);
    }

    public async Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default)
    {
        var plan = _semantics.Plan(query);
        return await RunAsync(_indices.Investors, ElasticsearchQueries.Investors(plan),
            ElasticsearchQueries.InvestorSort(plan.Sort), plan.Sort != SearchSort.Relevance,
            plan.Skip, plan.PageSize, ElasticsearchQueries.Facets(plan.Facets, opportunities: false), plan.Facets,
            _queries.Highlight(plan.Text, plan.Concepts, F.InvestorTextFields), F.InvestorTextFields, plan.Culture,
            "searching investor profiles", ct);
    }

    private async Task<SearchResult> RunAsync(string index, Query query, List<SortOptions> sort, bool trackScores,
        int skip, int take, Dictionary<string, Aggregation>? aggregations, IReadOnlyList<string> facetGroups,
        Highlight? highlight, IReadOnlyList<string> textFields, string culture, string operation, CancellationToken ct)
    {
        await EnsureIndicesAsync(ct);
        ICollection<FieldValue>? after = null;
        var from = skip;
        if (skip > DeepPagingStep)
        {
            (after, var reached) = await SkipAsync(index, query, sort, skip, operation, ct);
            if (after is null) return new SearchResult(reached, skip / take + 1, take, [], EmptyFacets(facetGroups));
            from = 0;
        }
        var request = new SearchRequest(index)
        {
            Query = query,
            From = from == 0 ? null : from,
            Size = take,
            Sort = sort,
            SearchAfter = after,
            TrackTotalHits = new TrackHits(true),
            TrackScores = trackScores ? true : null,
            Aggregations = aggregations,
            Highlight = highlight,
            Source = new SourceConfig(new SourceFilter { Includes = HitSource.SearchFields.ToArray() }),
        };
        var response = await Call(() => _client.SearchAsync<HitSource>(request, ct), operation);
        var hits = response.Hits.Select(h => ToHit(h, textFields, culture)).ToList();
        return new SearchResult(response.HitsMetadata?.Total?.Match(t => t?.Value ?? 0, n => n) ?? hits.Count,
            skip / take + 1, take, hits, ReadFacets(response, facetGroups));
    }

    /// <summary>
    /// Walks to the first hit of a deep page with search_after hops that carry only sort values (no source,
    /// no total, no aggregations). Returns the sort values to continue after, or null when fewer hits exist.
    /// </summary>
    private async Task<(ICollection<FieldValue>? After, long Reached)> SkipAsync(string index, Query query, List<SortOptions> sort,
        int skip, string operation, CancellationToken ct)
    {
        ICollection<FieldValue>? after = null;
        var reached = 0L;
        while (reached < skip)
        {
            var step = (int)Math.Min(DeepPagingStep, skip - reached);
            var request = new SearchRequest(index)
            {
                Query = query,
                Size = step,
                Sort = sort,
                SearchAfter = after,
                TrackTotalHits = new TrackHits(false),
                Source = new SourceConfig(false),
            };
            var response = await Call(() => _client.SearchAsync<HitSource>(request, ct), operation + " (deep page)");
            var hits = response.HitsMetadata?.Hits ?? [];
            reached += hits.Count;
            if (hits.Count < step) return (null, reached);
            after = hits.Last().Sort?.ToList();
        }
        return (after, reached);
    }

    private static SearchHit ToHit(Hit<HitSource> hit, IReadOnlyList<string> textFields, string requested)
    {
        var source = hit.Source ?? new HitSource();
        var highlights = new List<Core.Search.Highlight>();
        var culture = source.HighlightCulture(requested);
        if (culture is not null && hit.Highlight is { } marked)
        {
            foreach (var field in textFields)
            {
                if (!marked.TryGetValue(F.Text(field, culture), out var fragments)) continue;
                var html = string.Join(" … ", fragments.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));
                if (html.Contains("<mark>", StringComparison.Ordinal)) highlights.Add(new Core.Search.Highlight(field, culture, html));
            }
        }
        return new SearchHit(Guid.Parse(source.Id ?? hit.Id!), source.Ref ?? "", Math.Round(hit.Score ?? 0, 4), highlights);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> ReadFacets(SearchResponse<HitSource> response, IReadOnlyList<string> groups)
    {
        var result = EmptyFacets(groups);
        foreach (var group in groups)
        {
            if (response.Aggregations?.GetStringTerms(group) is not { } terms) continue;
            // Count descending, then code: the order the Lucene engine's facet collector returns.
            result[group] = terms.Buckets
                .Select(b => (Code: b.Key.TryGetString(out var s) ? s! : b.Key.ToString(), Count: (int)b.DocCount))
                .OrderByDescending(b => b.Count).ThenBy(b => b.Code, StringComparer.Ordinal)
                .ToDictionary(b => b.Code, b => b.Count);
        }
        return result;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> EmptyFacets(IReadOnlyList<string> groups) =>
        groups.ToDictionary(g => g, _ => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>());

    // ---------- matching ----------

    public async Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default)
    {
        var query = ElasticsearchQueries.Candidates(MatchCriteria.ForInvestor(investor), forOpportunities: true);
        if (query is null || top <= 0) return [];
        var candidates = await CandidatesAsync<OpportunityDocument>(_indices.Opportunities, query, "matching opportunities", ct);
        return MatchScorer.Rank(investor, candidates, top);
    }

    public async Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default)
    {
        var query = ElasticsearchQueries.Candidates(MatchCriteria.ForOpportunity(opportunity), forOpportunities: false);
        if (query is null || top <= 0) return [];
        var candidates = await CandidatesAsync<InvestorDocument>(_indices.Investors, query, "matching investor profiles", ct);
        return MatchScorer.Rank(opportunity, candidates, top);
    }

    /// <summary>The engine retrieves; Core's MatchScorer scores and explains, so both engines give the same reasons.</summary>
    private async Task<List<T>> CandidatesAsync<T>(string index, Query query, string operation, CancellationToken ct) where T : class
    {
        await EnsureIndicesAsync(ct);
        var request = new SearchRequest(index)
        {
            Query = query,
            Size = MatchScorer.CandidatePool,
            Sort = ElasticsearchQueries.CandidateSort(),
            // The scorer reads codes, amounts and dates: the texts (most of a document's bytes) stay on the server.
            Source = new SourceConfig(new SourceFilter { Includes = new[] { F.Doc }, Excludes = new[] { F.Doc + ".texts" } }),
        };
        var response = await Call(() => _client.SearchAsync<HitSource>(request, ct), operation);
        return response.Hits.Select(h => h.Source?.ReadDoc<T>()).OfType<T>().ToList();
    }

    // ---------- percolation ----------

    public async Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default)
    {
        await EnsureIndicesAsync(ct);
        var source = ElasticsearchDocuments.From(document);
        source.Remove(F.Doc);
        var ids = new List<Guid>();
        ICollection<FieldValue>? after = null;
        while (true)
        {
            var request = new SearchRequest(_indices.SavedSearches)
            {
                Query = new PercolateQuery(F.Query) { Document = source },
                Size = PercolateBatch,
                Sort = [new FieldSort(F.Id) { Order = SortOrder.Asc }],
                SearchAfter = after,
                Source = new SourceConfig(new SourceFilter { Includes = new[] { F.Id } }),
            };
            var response = await Call(() => _client.SearchAsync<HitSource>(request, ct), "percolating an opportunity");
            var hits = response.HitsMetadata?.Hits ?? [];
            ids.AddRange(hits.Select(h => Guid.Parse(h.Source?.Id ?? h.Id!)));
            if (hits.Count < PercolateBatch) break;
            after = hits.Last().Sort?.ToList();
        }
        ids.Sort();
        return ids;
    }
}
