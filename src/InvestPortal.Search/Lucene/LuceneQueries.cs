using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Builds Lucene queries from resolved plans, programmatically: user text only ever becomes analyzed
/// terms in TermQuery objects, never query syntax, so nothing a user types can change the query's shape.
/// </summary>
internal sealed class LuceneQueries(IReadOnlyDictionary<string, Analyzer> analyzers, SearchSemantics semantics)
{
    private const int MaxHighlightTerms = 400;

    /// <summary>
    /// The text part (see <see cref="SearchSemantics"/>): per culture, enough of the analyzed tokens in all_c, or a
    /// shared concept. Title hits add to the score only. Null when there is no text (everything matches).
    /// </summary>
    public Query? Text(string? text, IReadOnlyList<string> concepts, IReadOnlyList<string> titleFields)
    {
        if (text is null) return null;
        var match = new BooleanQuery(disableCoord: true);
        var outer = new BooleanQuery();
        foreach (var culture in Cultures.All)
        {
            // One clause per position: a Russian word is its written form or its stem, either one counts once.
            var positions = LuceneFields.AnalyzeByPosition(analyzers[culture], LuceneFields.All(culture), text, SearchSemantics.MaxQueryTokens);
            if (positions.Count == 0) continue;
            var inCulture = new BooleanQuery(disableCoord: true);
            foreach (var terms in positions) inCulture.Add(AnyTerm(LuceneFields.All(culture), terms), Occur.SHOULD);
            inCulture.MinimumNumberShouldMatch = SearchSemantics.MinimumShouldMatch(positions.Count);
            match.Add(inCulture, Occur.SHOULD);
            foreach (var field in titleFields)
            {
                var title = new BooleanQuery(disableCoord: true) { Boost = SearchSemantics.TitleBoost };
                foreach (var terms in positions) title.Add(AnyTerm(LuceneFields.Text(field, culture), terms), Occur.SHOULD);
                outer.Add(title, Occur.SHOULD);
            }
        }
        if (concepts.Count > 0)
        {
            var c = new BooleanQuery(disableCoord: true) { Boost = SearchSemantics.ConceptBoost };
            foreach (var id in concepts) c.Add(new TermQuery(new Term(LuceneFields.Concept, id)), Occur.SHOULD);
            match.Add(c, Occur.SHOULD);
        }
        // No clause at all (e.g. only stop words): an empty BooleanQuery, which matches nothing.
        outer.Add(match, Occur.MUST);
        return outer;
    }

    private static Query AnyTerm(string field, string[] terms)
    {
        if (terms.Length == 1) return new TermQuery(new Term(field, terms[0]));
        var any = new BooleanQuery(disableCoord: true);
        foreach (var t in terms) any.Add(new TermQuery(new Term(field, t)), Occur.SHOULD);
        return any;
    }

    public Filter OpportunityFilter(OpportunitySearchPlan plan)
    {
        var f = new BooleanQuery { { new TermQuery(new Term(LuceneFields.Type, LuceneFields.OpportunityType)), Occur.MUST } };
        AnyOf(f, LuceneFields.Sector, plan.Sectors);
        AnyOf(f, LuceneFields.Location, plan.Locations);
        AnyOf(f, LuceneFields.PartnerRegion, plan.PartnerRegions);
        AnyOf(f, LuceneFields.Mode, plan.Modes);
        AnyOf(f, LuceneFields.Stage, plan.Stages);
        // Distances are precomputed at index time (SearchDocumentBuilder): a crossing filter is a term on "code:band",
        // a bare distance filter a term on the band.
        if (plan.Crossings.Count > 0) AnyOf(f, LuceneFields.CrossingKey, plan.CrossingKeys);
        else if (plan.WithinKm is { } km) AnyOf(f, LuceneFields.CrossingBand, [km.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (plan.MinAmountCny is not null || plan.MaxAmountCny is not null)
            f.Add(NumericRangeQuery.NewDoubleRange(LuceneFields.Amount,
                (double?)plan.MinAmountCny, (double?)plan.MaxAmountCny, true, true), Occur.MUST);
        return Cached(f);
    }

    public Filter InvestorFilter(InvestorSearchPlan plan)
    {
        var f = new BooleanQuery { { new TermQuery(new Term(LuceneFields.Type, LuceneFields.InvestorType)), Occur.MUST } };
        AnyOf(f, LuceneFields.Sector, plan.Sectors);
        AnyOf(f, LuceneFields.Location, plan.Locations);
        AnyOf(f, LuceneFields.Kind, plan.Kinds);
        AnyOf(f, LuceneFields.Country, plan.Countries);
        return Cached(f);
    }

    private static readonly Filter OpportunityTypeFilter = new CachingWrapperFilter(
        new QueryWrapperFilter(new TermQuery(new Term(LuceneFields.Type, LuceneFields.OpportunityType))));
    private static readonly Filter InvestorTypeFilter = new CachingWrapperFilter(
        new QueryWrapperFilter(new TermQuery(new Term(LuceneFields.Type, LuceneFields.InvestorType))));

    public static Filter TypeFilter(string type) => type switch
    {
        LuceneFields.OpportunityType => OpportunityTypeFilter,
        LuceneFields.InvestorType => InvestorTypeFilter,
        _ => new QueryWrapperFilter(new TermQuery(new Term(LuceneFields.Type, type))),
    };

    /// <summary>
    /// Filters are cached per segment (<see cref="CachingWrapperFilter"/>; deletions are applied on top), keyed by the
    /// filter query, so a repeated filter — and the bare type filter of every unfiltered search — is not evaluated again.
    /// Bounded: the cache is emptied when it grows past <see cref="MaxCachedFilters"/>.
    /// </summary>
    private Filter Cached(BooleanQuery filter)
    {
        if (filter.Clauses.Count == 1 && filter.Clauses[0].Query is TermQuery { Term: var term } && term.Field == LuceneFields.Type)
            return TypeFilter(term.Text);
        if (_filters.TryGetValue(filter, out var cached)) return cached;
        if (_filters.Count >= MaxCachedFilters) _filters.Clear();
        return _filters.GetOrAdd(filter, q => new CachingWrapperFilter(new QueryWrapperFilter(q)));
    }

    private const int MaxCachedFilters = 512;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Query, Filter> _filters = new();

    /// <summary>
    /// Candidates for matching: any of the criteria (OR), each term worth its <see cref="CandidateTerms"/> weight — the
    /// clauses Elasticsearch sends as constant_score terms. The engine scores them with <see cref="LuceneCandidates"/>.
    /// </summary>
    public static List<CandidateClause> CandidateClauses(MatchCriteria criteria, bool forOpportunities) =>
        CandidateTerms.For(criteria, forOpportunities)
            .Select(t => new CandidateClause(new Term(CandidateField(t.Criterion), t.Code), t.Weight))
            .ToList();

    private static string CandidateField(CandidateCriterion criterion) => criterion switch
    {
        // One field per criterion for both types: an opportunity's sector and an investor's sectors are both "sector".
        CandidateCriterion.Sector => LuceneFields.Sector,
        CandidateCriterion.Location => LuceneFields.Location,
        CandidateCriterion.Mode => LuceneFields.Mode,
        CandidateCriterion.Concept => LuceneFields.Concept,
        CandidateCriterion.PartnerRegion => LuceneFields.PartnerRegion,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>Terms to mark in a text of one culture: the query's own tokens and the words of its concepts in that culture.</summary>
    public List<string> HighlightTerms(string? text, IReadOnlyList<string> concepts, string culture)
    {
        var analyzer = analyzers[culture];
        var field = LuceneFields.All(culture);
        var terms = text is null ? [] : LuceneFields.Analyze(analyzer, field, text, SearchSemantics.MaxQueryTokens);
        foreach (var id in concepts)
        {
            var concept = semantics.Glossary.Find(id);
            if (concept is null) continue;
            foreach (var word in concept.Terms(culture))
                foreach (var t in LuceneFields.Analyze(analyzer, field, word, 16))
                    if (terms.Count < MaxHighlightTerms && !terms.Contains(t)) terms.Add(t);
        }
        return terms;
    }

    private static void AnyOf(BooleanQuery filter, string field, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0) return;
        var any = new BooleanQuery(disableCoord: true);
        foreach (var code in codes) any.Add(new TermQuery(new Term(field, code)), Occur.SHOULD);
        filter.Add(any, Occur.MUST);
    }
}
