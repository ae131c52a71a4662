using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Highlight = Elastic.Clients.Elasticsearch.Core.Search.Highlight;
using Elastic.Clients.Elasticsearch.QueryDsl;
using F = InvestPortal.Search.Elasticsearch.ElasticsearchFields;

namespace InvestPortal.Search.Elasticsearch;

/// <summary>
/// Resolved Core plans → Elasticsearch query DSL. User text only ever reaches multi_match / match queries, which
/// analyze it as plain words; query_string (whose syntax a user could type) is never used.
/// </summary>
internal sealed class ElasticsearchQueries(SearchSemantics semantics)
{
    private const int FragmentSize = 160;
    private const int FragmentsPerField = 2;
    /// <summary>Enough buckets for every code of a taxonomy group: facets are counted over all hits, not a top few.</summary>
    public const int FacetSize = 1000;

    private static readonly IReadOnlyDictionary<string, string> OpportunityFacetFields = new Dictionary<string, string>
    {
        [FacetGroups.Sector] = F.Sector,
        [FacetGroups.Location] = F.LocationPath,
        [FacetGroups.Mode] = F.Modes,
        [FacetGroups.Stage] = F.Stage,
        [FacetGroups.PartnerRegion] = F.PartnerRegion,
        [FacetGroups.CrossingDistance] = F.CrossingBand,
        [FacetGroups.Crossing] = F.Crossing,
    };

    private static readonly IReadOnlyDictionary<string, string> InvestorFacetFields = new Dictionary<string, string>
    {
        [FacetGroups.Sector] = F.Sectors,
        [FacetGroups.Location] = F.LocationPath,
        [FacetGroups.Kind] = F.Kind,
        [FacetGroups.Country] = F.Country,
    };

    /// <summary>
    /// The text part (see <see cref="SearchSemantics"/>): in at least one culture enough of the analyzed tokens
    /// (most_fields applies minimum_should_match per field, i.e. per culture), or a shared concept. Null without text.
    /// </summary>
    public static Query? TextMatch(string? text, IReadOnlyList<string> concepts)
    {
        if (text is null) return null;
        var should = new List<Query>
        {
            new MultiMatchQuery
            {
                Query = text,
                Type = TextQueryType.MostFields,
                Fields = Cultures.All.Select(F.All).ToArray(),
                // ES rounds percentages down: floor(75%) of the tokens, at least one — SearchSemantics.MinimumShouldMatch.
                MinimumShouldMatch = "75%",
            },
        };
        if (concepts.Count > 0) should.Add(Terms(F.Concepts, concepts, SearchSemantics.ConceptBoost));
        return new BoolQuery { Should = should };
    }

    /// <summary>Hits in titles (or names) add to the score only.</summary>
    private static Query TitleBoost(string text, string titleField) => new MultiMatchQuery
    {
        Query = text,
        Type = TextQueryType.MostFields,
        Fields = Cultures.All.Select(c => F.Text(titleField, c)).ToArray(),
        Boost = SearchSemantics.TitleBoost,
    };

    public static Query Opportunities(OpportunitySearchPlan plan) =>
        Combine(TextMatch(plan.Text, plan.Concepts), plan.Text is null ? null : TitleBoost(plan.Text, "title"), OpportunityFilters(plan));

    public static Query Investors(InvestorSearchPlan plan)
    {
        var filters = new List<Query>();
        AnyOf(filters, F.Sectors, plan.Sectors);
        AnyOf(filters, F.LocationScope, plan.Locations);
        AnyOf(filters, F.Kind, plan.Kinds);
        AnyOf(filters, F.Country, plan.Countries);
        return Combine(TextMatch(plan.Text, plan.Concepts), plan.Text is null ? null : TitleBoost(plan.Text, "name"), filters);
    }

    /// <summary>What a saved search stores in the percolator: its text and filters, no ranking parts.</summary>
    public static Query SavedSearch(OpportunitySearchPlan plan) => Combine(TextMatch(plan.Text, plan.Concepts), null, OpportunityFilters(plan));

    private static List<Query> OpportunityFilters(OpportunitySearchPlan plan)
    {
        var filters = new List<Query>();
        AnyOf(filters, F.Sector, plan.Sectors);
        AnyOf(filters, F.Location, plan.Locations);
        AnyOf(filters, F.PartnerRegion, plan.PartnerRegions);
        AnyOf(filters, F.Modes, plan.Modes);
        AnyOf(filters, F.Stage, plan.Stages);
        if (plan.Crossings.Count > 0) filters.Add(NearCrossings(plan));
        else if (plan.WithinKm is { } km) AnyOf(filters, F.CrossingBand, [km.ToString(CultureInfo.InvariantCulture)]);
        if (plan.MinAmountCny is not null || plan.MaxAmountCny is not null)
        {
            filters.Add(new NumberRangeQuery(F.AmountCny)
            {
                Gte = plan.MinAmountCny is { } min ? LowerFen(min) : null,
                Lte = plan.MaxAmountCny is { } max ? UpperFen(max) : null,
            });
        }
        return filters;
    }

    /// <summary>
    /// scaled_float (factor 100) stores round(v·100) and applies gte as ceil(bound·100), lte as floor(bound·100), in
    /// doubles: 0.57·100 is 56.99999999999999, whose floor drops a listing of exactly 0.57. Core rounds amounts and
    /// bounds to the fen (ExchangeRateTable.ToCny), so the bound is sent half a fen outside: ceil/floor then land on
    /// the bound's own fen whatever the binary error, and the filter is the exact "amount ≥ min" of the Lucene engine.
    /// </summary>
    internal static double LowerFen(decimal min) => (double)((Math.Ceiling(min * 100m) - 0.5m) / 100m);

    internal static double UpperFen(decimal max) => (double)((Math.Floor(max * 100m) + 0.5m) / 100m);

    private static Query Combine(Query? text, Query? boost, List<Query> filters)
    {
        if (text is null && filters.Count == 0) return new MatchAllQuery();
        var q = new BoolQuery();
        if (text is not null) q.Must = [text];
        if (boost is not null) q.Should = [boost];
        if (filters.Count > 0) q.Filter = filters;
        return q;
    }

    /// <summary>
    /// Match candidates: documents sharing ANY criterion, scored by the weights of the criteria they share. Each
    /// clause is a constant_score, so the score is the plain sum of matched weights: no BM25 idf (which would rank a
    /// rare concept above a shared sector and differ from the Lucene engine), no term frequency, no norms. Ties are
    /// broken by id (see <see cref="CandidateSort"/>), so the pool of <see cref="MatchScorer.CandidatePool"/> is
    /// fully determined by the documents, not by shard or segment order.
    /// </summary>
    public static Query? Candidates(MatchCriteria criteria, bool forOpportunities)
    {
        if (criteria.IsEmpty) return null;
        var should = CandidateTerms.For(criteria, forOpportunities)
            .Select(t => (Query)new ConstantScoreQuery(new TermQuery(CandidateField(t.Criterion, forOpportunities), t.Code)) { Boost = t.Weight })
            .ToList();
        return new BoolQuery { Should = should };
    }

    private static string CandidateField(CandidateCriterion criterion, bool forOpportunities) => criterion switch
    {
        CandidateCriterion.Sector => forOpportunities ? F.Sector : F.Sectors,
        CandidateCriterion.Location => forOpportunities ? F.Location : F.LocationScope,
        CandidateCriterion.Mode => F.Modes,
        CandidateCriterion.Concept => F.Concepts,
        CandidateCriterion.PartnerRegion => F.PartnerRegion,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>Score, then id ascending — <see cref="CandidateTerms.CompareIds"/>, the Lucene engine's tie-break too.</summary>
    public static List<SortOptions> CandidateSort() => [Score(), Asc(F.Id)];

    public static Dictionary<string, Aggregation>? Facets(IReadOnlyList<string> groups, bool opportunities)
    {
        if (groups.Count == 0) return null;
        var fields = opportunities ? OpportunityFacetFields : InvestorFacetFields;
        return groups.Where(fields.ContainsKey).ToDictionary(g => g,
            g => (Aggregation)new TermsAggregation { Field = fields[g], Size = FacetSize });
    }

    public static List<SortOptions> OpportunitySort(SearchSort sort) => sort switch
    {
        SearchSort.Newest => [Desc(F.Published), Score(), Asc(F.Id)],
        // A missing amount sorts as 0, as in the Lucene engine.
        SearchSort.AmountAscending => [Amount(SortOrder.Asc), Desc(F.Published), Asc(F.Id)],
        SearchSort.AmountDescending => [Amount(SortOrder.Desc), Desc(F.Published), Asc(F.Id)],
        _ => [Score(), Desc(F.Published), Asc(F.Id)],
    };

    public static List<SortOptions> InvestorSort(SearchSort sort) => sort == SearchSort.Newest
        ? [Desc(F.Updated), Score(), Asc(F.Id)]
        : [Score(), Desc(F.Updated), Asc(F.Id)];

    private static SortOptions Score() => new() { Score = new ScoreSort { Order = SortOrder.Desc } };
    private static SortOptions Desc(string field) => new FieldSort(field) { Order = SortOrder.Desc };
    private static SortOptions Asc(string field) => new FieldSort(field) { Order = SortOrder.Asc };
    private static SortOptions Amount(SortOrder order) => new FieldSort(F.AmountCny) { Order = order, Missing = 0 };

    /// <summary>
    /// Highlights for every culture's text fields (which culture a hit shows is decided per hit from its _source):
    /// the query's words and, per culture, the words of its concepts, so a Russian query marks the Chinese term.
    /// </summary>
    public Highlight? Highlight(string? text, IReadOnlyList<string> concepts, IReadOnlyList<string> fields)
    {
        if (text is null) return null;
        var highlightFields = new List<KeyValuePair<Field, HighlightField>>();
        foreach (var culture in Cultures.All)
        {
            var words = string.Join(' ', new[] { text }.Concat(ConceptTerms(concepts, culture)).Distinct(StringComparer.Ordinal));
            foreach (var field in fields)
            {
                var name = F.Text(field, culture);
                var isTitle = field == fields[0];
                highlightFields.Add(new(name, new HighlightField
                {
                    // The title (or name) is shown whole; long texts as up to two fragments.
                    NumberOfFragments = isTitle ? 0 : FragmentsPerField,
                    FragmentSize = isTitle ? null : FragmentSize,
                    HighlightQuery = new MatchQuery(name, words),
                }));
            }
        }
        return new Highlight
        {
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            Encoder = HighlighterEncoder.Html,
            Fields = highlightFields,
        };
    }

    private IEnumerable<string> ConceptTerms(IReadOnlyList<string> concepts, string culture) =>
        concepts.Select(id => semantics.Glossary.Find(id)).OfType<InvestPortal.Core.Glossary.GlossaryConcept>()
            .SelectMany(c => c.Terms(culture)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Within the radius of any of the chosen crossings: a geo_distance from each crossing's point (Elasticsearch measures
    /// arcs on the same 6371.0088 km mean radius as <see cref="Core.Geography.GeoPoint"/>). A code the portal no longer
    /// knows has no point; it falls back to the precomputed "code:band" key, as the Lucene engine filters.
    /// </summary>
    private static Query NearCrossings(OpportunitySearchPlan plan)
    {
        var radius = plan.CrossingRadiusKm.ToString(CultureInfo.InvariantCulture) + "km";
        var should = plan.Crossings.Select(code => plan.CrossingPositions.TryGetValue(code, out var at)
                ? (Query)new GeoDistanceQuery
                {
                    Field = F.Position,
                    Distance = radius,
                    Location = GeoLocation.LatitudeLongitude(new LatLonGeoLocation { Lat = at.Latitude, Lon = at.Longitude }),
                }
                : Terms(F.CrossingKey, [OpportunitySearchPlan.CrossingKey(code, plan.CrossingRadiusKm)], null))
            .ToList();
        return should.Count == 1 ? should[0] : new BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }

    private static void AnyOf(List<Query> filters, string field, IReadOnlyList<string> codes)
    {
        if (codes.Count > 0) filters.Add(Terms(field, codes, null));
    }

    private static TermsQuery Terms(string field, IEnumerable<string> codes, float? boost) =>
        new(field, new TermsQueryField([.. codes.Select(c => (FieldValue)c)])) { Boost = boost };
}
