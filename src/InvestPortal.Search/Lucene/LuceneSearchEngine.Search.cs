using System.Diagnostics;
using InvestPortal.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace InvestPortal.Search.Lucene;

public sealed partial class LuceneSearchEngine
{
    private const int FragmentSize = 160;
    private const int FragmentsPerField = 2;

    /// <summary>Set by the benchmark to see where a search spends its time; null in the portal.</summary>
    internal SearchPhaseTimings? Timings { get; set; }

    public Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default)
    {
        var timings = Timings;
        var started = Stopwatch.GetTimestamp();
        var plan = _semantics.Plan(query);
        timings?.Add(SearchPhaseTimings.Phase.Plan, started);
        started = Stopwatch.GetTimestamp();
        var text = _queries.Text(plan.Text, plan.Concepts, ["title"]) ?? new MatchAllDocsQuery();
        var sort = plan.Sort switch
        {
            SearchSort.Newest => new Sort(NewestFirst, SortField.FIELD_SCORE, SortField.FIELD_DOC),
            SearchSort.AmountAscending => new Sort(new SortField(LuceneFields.AmountSort, SortFieldType.DOUBLE), NewestFirst, SortField.FIELD_DOC),
            SearchSort.AmountDescending => new Sort(new SortField(LuceneFields.AmountSort, SortFieldType.DOUBLE, true), NewestFirst, SortField.FIELD_DOC),
            _ => new Sort(SortField.FIELD_SCORE, NewestFirst, SortField.FIELD_DOC),
        };
        var filter = _queries.OpportunityFilter(plan);
        timings?.Add(SearchPhaseTimings.Phase.BuildQuery, started);
        return Task.FromResult(Run(LuceneResultCache.KeyOf(query), text, filter, sort, plan.Skip, plan.PageSize, plan.Facets,
            LuceneFields.OpportunityTextFields, plan.Text, plan.Concepts, plan.Culture));
    }

    public Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default)
    {
        var plan = _semantics.Plan(query);
        var text = _queries.Text(plan.Text, plan.Concepts, ["name"]) ?? new MatchAllDocsQuery();
        var sort = plan.Sort == SearchSort.Newest
            ? new Sort(NewestFirst, SortField.FIELD_SCORE, SortField.FIELD_DOC)
            : new Sort(SortField.FIELD_SCORE, NewestFirst, SortField.FIELD_DOC);
        return Task.FromResult(Run(LuceneResultCache.KeyOf(query), text, _queries.InvestorFilter(plan), sort, plan.Skip, plan.PageSize, plan.Facets,
            LuceneFields.InvestorTextFields, plan.Text, plan.Concepts, plan.Culture));
    }

    private static SortField NewestFirst => new(LuceneFields.Date, SortFieldType.INT64, true);

    private SearchResult Run(string cacheKey, Query query, Filter filter, Sort sort, int skip, int take, IReadOnlyList<string> facetGroups,
        IReadOnlyList<string> textFields, string? text, IReadOnlyList<string> concepts, string culture) =>
        WithSearcher(searcher =>
        {
            var timings = Timings;
            timings?.CountSearch();
            var ranked = LuceneResultCache.GetOrRank(searcher.IndexReader, _cacheRankings ? cacheKey : null, skip + take, depth =>
            {
                // In doc order: the text query always has a required clause, so BooleanScorer2 scores it either way, but an
                // out-of-order collector makes BooleanWeight first build (and discard) BooleanScorer bucket tables per segment.
                var top = TopFieldCollector.Create(sort, Math.Max(1, depth), fillFields: false, trackDocScores: true,
                    trackMaxScore: false, docsScoredInOrder: true);
                var facets = new FacetCollector(facetGroups);
                var started = Stopwatch.GetTimestamp();
                var withStates = TermStates.Prebuild(query, searcher);
                timings?.Add(SearchPhaseTimings.Phase.TermLookup, started);
                if (timings is not null)
                {
                    // Profiling only: what building the weights costs once the terms are looked up.
                    var weightStarted = Stopwatch.GetTimestamp();
                    searcher.CreateNormalizedWeight(new FilteredQuery(withStates, filter));
                    timings.Add(SearchPhaseTimings.Phase.Weight, weightStarted);
                    timings.Segments = searcher.IndexReader.Leaves.Count;
                }
                started = Stopwatch.GetTimestamp();
                searcher.Search(withStates, filter, facetGroups.Count > 0 ? MultiCollector.Wrap(top, facets) : top);
                var docs = top.GetTopDocs(0, depth).ScoreDocs;
                timings?.Add(SearchPhaseTimings.Phase.Rank, started);
                started = Stopwatch.GetTimestamp();
                var counts = facets.Result();
                timings?.Add(SearchPhaseTimings.Phase.FacetResult, started);
                return new LuceneResultCache.Ranked(docs, top.TotalHits, counts);
            });
            var highlight = text is not null || concepts.Count > 0;
            var fieldsToLoad = highlight ? StoredFieldsWithTexts(textFields, culture) : IdFields;
            var context = new HighlightContext();
            var hits = ranked.Docs.Skip(skip).Take(take).Select(sd =>
            {
                var started = Stopwatch.GetTimestamp();
                var stored = searcher.Doc(sd.Doc, fieldsToLoad);
                // Only the page culture's texts were decoded; a hit without that culture is highlighted in its original.
                if (highlight && PickCulture(stored, textFields[0], culture) is { } other && other != culture)
                    stored = searcher.Doc(sd.Doc, StoredFieldsWithTexts(textFields, other));
                timings?.Add(SearchPhaseTimings.Phase.StoredFields, started);
                started = Stopwatch.GetTimestamp();
                var highlights = highlight ? Highlights(stored, textFields, text, concepts, culture, context) : [];
                timings?.Add(SearchPhaseTimings.Phase.Highlight, started);
                return new SearchHit(Guid.Parse(stored.Get(LuceneFields.Id)), stored.Get(LuceneFields.Ref),
                    float.IsNaN(sd.Score) ? 0 : Math.Round(sd.Score, 4), highlights);
            }).ToList();
            return new SearchResult(ranked.TotalHits, skip / Math.Max(1, take) + 1, take, hits, ranked.Facets);
        });

    private static readonly ISet<string> IdFields = new HashSet<string> { LuceneFields.Id, LuceneFields.Ref };
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IReadOnlyList<string>, string), ISet<string>> StoredFieldSets = new();

    private static ISet<string> StoredFieldsWithTexts(IReadOnlyList<string> textFields, string culture) =>
        StoredFieldSets.GetOrAdd((textFields, culture), k => WithTexts(k.Item1, k.Item2));

    /// <summary>
    /// What a page of hits reads: id, ref, original culture, the title in every culture (to pick the culture to highlight)
    /// and the other texts of one culture only (never match facts or <c>_source</c>): stored strings that are not asked
    /// for are skipped, not decoded.
    /// </summary>
    private static HashSet<string> WithTexts(IReadOnlyList<string> textFields, string culture)
    {
        var set = new HashSet<string> { LuceneFields.Id, LuceneFields.Ref, LuceneFields.Original };
        foreach (var c in InvestPortal.Core.Domain.Cultures.All) set.Add(LuceneFields.Text(textFields[0], c));
        foreach (var f in textFields) set.Add(LuceneFields.Text(f, culture));
        return set;
    }

    /// <summary>Per search: highlight terms per culture and one highlighter per text field, reused across the page's hits.</summary>
    private sealed class HighlightContext
    {
        public readonly Dictionary<string, List<string>> Terms = new();
        public readonly Dictionary<string, Highlighter> Highlighters = new();
    }

    /// <summary>Snippets in the requested culture, or the document's original when it lacks that culture; HTML-escaped with &lt;mark&gt;.</summary>
    private List<Highlight> Highlights(Document stored, IReadOnlyList<string> fields, string? text, IReadOnlyList<string> concepts,
        string requested, HighlightContext context)
    {
        if (text is null && concepts.Count == 0) return [];
        var culture = PickCulture(stored, fields[0], requested);
        if (culture is null) return [];
        if (!context.Terms.TryGetValue(culture, out var terms))
            context.Terms[culture] = terms = _queries.HighlightTerms(text, concepts, culture);
        if (terms.Count == 0) return [];
        var result = new List<Highlight>();
        foreach (var field in fields)
        {
            var name = LuceneFields.Text(field, culture);
            var value = stored.Get(name);
            if (string.IsNullOrEmpty(value)) continue;
            var joined = culture == InvestPortal.Core.Domain.Cultures.Zh
                ? CjkSnippets.Highlight(value, terms, whole: field == fields[0], FragmentSize / 2, FragmentsPerField) ?? ""
                : LuceneHighlight(value, name, terms, culture, whole: field == fields[0], context);
            if (joined.Contains("<mark>", StringComparison.Ordinal)) result.Add(new Highlight(field, culture, joined));
        }
        return result;
    }

    private string LuceneHighlight(string value, string field, List<string> terms, string culture, bool whole, HighlightContext context)
    {
        if (!context.Highlighters.TryGetValue(field, out var highlighter))
        {
            // The terms with weight 1, as QueryScorer would extract them from a BooleanQuery of TermQuerys on this field,
            // given up front: otherwise the scorer extracts them again (up to 400 with concepts) for every text it highlights.
            var scorer = new QueryScorer(terms.Distinct(StringComparer.Ordinal).Select(t => new WeightedSpanTerm(1f, t)).ToArray());
            context.Highlighters[field] = highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, scorer)
            {
                TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentSize),
            };
        }
        var fragments = highlighter.GetBestFragments(_cultureAnalyzers[culture], field, value, FragmentsPerField);
        return string.Join(" … ", fragments.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));
    }

    private static string? PickCulture(Document stored, string titleField, string requested)
    {
        if (stored.Get(LuceneFields.Text(titleField, requested)) is not null) return requested;
        var original = stored.Get(LuceneFields.Original);
        if (original is not null && stored.Get(LuceneFields.Text(titleField, original)) is not null) return original;
        return InvestPortal.Core.Domain.Cultures.All.FirstOrDefault(c => stored.Get(LuceneFields.Text(titleField, c)) is not null);
    }

    // ---------- matching ----------

    public Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default)
    {
        var criteria = MatchCriteria.ForInvestor(investor);
        if (criteria.IsEmpty || top <= 0) return Task.FromResult<IReadOnlyList<MatchResult>>([]);
        var candidates = Candidates(LuceneQueries.CandidateClauses(criteria, forOpportunities: true), LuceneFields.OpportunityType,
            MatchFactsCodec.ReadOpportunity);
        return Task.FromResult(MatchScorer.Rank(investor, candidates, top));
    }

    public Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default)
    {
        var criteria = MatchCriteria.ForOpportunity(opportunity);
        if (criteria.IsEmpty || top <= 0) return Task.FromResult<IReadOnlyList<MatchResult>>([]);
        var candidates = Candidates(LuceneQueries.CandidateClauses(criteria, forOpportunities: false), LuceneFields.InvestorType,
            MatchFactsCodec.ReadInvestor);
        return Task.FromResult(MatchScorer.Rank(opportunity, candidates, top));
    }

    private static readonly ISet<string> MatchFactsFields = new HashSet<string> { LuceneFields.MatchFacts, LuceneFields.Source };

    private delegate T? MatchFactsReader<T>(ReadOnlySpan<byte> facts);

    /// <summary>
    /// Up to <see cref="MatchScorer.CandidatePool"/> candidates, read from the match-facts doc values (no stored texts, no
    /// full JSON) the first time a document is a candidate, then from <see cref="MatchFactsCache{T}"/>.
    /// </summary>
    private List<T> Candidates<T>(IReadOnlyList<CandidateClause> clauses, string type, MatchFactsReader<T> read) where T : class =>
        WithSearcher(searcher =>
        {
            var top = LuceneCandidates.Top(searcher, clauses, type, MatchScorer.CandidatePool);
            var leaves = searcher.IndexReader.Leaves;
            var values = new BinaryDocValues?[leaves.Count];
            var loaded = new bool[leaves.Count];
            var bytes = new BytesRef();
            var result = new List<T>(top.Length);
            foreach (var sd in top)
            {
                var leaf = ReaderUtil.SubIndex(sd.Doc, leaves);
                var segment = leaves[leaf];
                var cached = MatchFactsCache<T>.Of(segment.AtomicReader);
                var local = sd.Doc - segment.DocBase;
                var doc = cached[local];
                if (doc is null)
                {
                    if (!loaded[leaf])
                    {
                        values[leaf] = segment.AtomicReader.GetBinaryDocValues(LuceneFields.MatchFacts);
                        loaded[leaf] = true;
                    }
                    bytes.Length = 0;
                    values[leaf]?.Get(local, bytes);
                    if (bytes.Length > 0) doc = read(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
                    else if (LuceneDocuments.StoredMatchFacts(searcher.Doc(sd.Doc, MatchFactsFields)) is { } stored) doc = read(stored);
                    cached[local] = doc;
                }
                if (doc is not null) result.Add(doc);
            }
            return result;
        });
}
