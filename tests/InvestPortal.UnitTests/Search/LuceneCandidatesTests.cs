using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// Matching retrieves its candidate pool term at a time (<see cref="LuceneCandidates"/>). The pool must be the one the
/// Elasticsearch engine retrieves: the <see cref="MatchScorer.CandidatePool"/> best by the plain sum of the shared
/// criteria's <see cref="CandidateTerms"/> weights, ties to the lower id in ordinal order — or the two engines would
/// match differently at scale, where more than 500 documents share a criterion. Checked against a naive computation
/// over the Core documents. The corpus is random but seeded, with random ids (so id order is not index order), spread
/// over several segments with updates and deletions, and shares codes widely so pools overflow 500.
/// </summary>
public sealed class LuceneCandidatesTests : IDisposable
{
    private static readonly string[] Sectors = Enumerable.Range(0, 12).Select(i => $"sector-{i}").ToArray();
    private static readonly string[] Locations = Enumerable.Range(0, 40).Select(i => $"23{i:D4}").ToArray();
    private static readonly string[] Modes = ["equity", "joint-venture", "loan", "lease", "concession"];
    private static readonly string[] Regions = ["RU-AMU", "RU-PRI", "RU-KHA", "RU-YEV", "RU-ZAB"];
    private static readonly string[] Concepts = Enumerable.Range(0, 300).Select(i => $"concept-{i}").ToArray();

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<Guid, OpportunityDocument> _opportunities = [];
    private readonly Dictionary<Guid, InvestorDocument> _investors = [];

    public LuceneCandidatesTests()
    {
        var random = new Random(4711);
        var ids = Enumerable.Range(0, 4000).Select(_ => RandomId(random)).ToArray();
        using (var writer = Writer(_directory))
        {
            for (var i = 0; i < 4000; i++)
            {
                Put(writer, Opportunity(random, ids[i], i));
                if (i % 5 == 0) Put(writer, Investor(random, RandomId(random), i));
                // Some listings are rewritten later: the old copy stays in its segment, deleted.
                if (i % 11 == 0 && i > 0) Put(writer, Opportunity(random, ids[i / 2], i));
            }
            // Deleted documents must not come back as candidates.
            for (var i = 0; i < 4000; i += 7)
            {
                writer.DeleteDocuments(LuceneDocuments.OpportunityKey(ids[i]));
                _opportunities.Remove(ids[i]);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void The_index_has_several_segments_and_pools_that_overflow()
    {
        Assert.True(_reader.Leaves.Count >= 4);
        Assert.True(_reader.HasDeletions);
        var wide = new MatchCriteria([], [], ["equity"], [], ["RU-AMU"]);
        Assert.True(Expected(wide, forOpportunities: true, limit: int.MaxValue).Count > MatchScorer.CandidatePool);
    }

    [Fact]
    public void Investor_to_opportunities_pool_is_the_top_by_plain_weight_then_id()
    {
        var random = new Random(17);
        for (var k = 0; k < 60; k++)
            AssertPool(MatchCriteria.ForInvestor(Investor(random, RandomId(random), 100_000 + k)), forOpportunities: true);
    }

    [Fact]
    public void Opportunity_to_investors_pool_is_the_top_by_plain_weight_then_id()
    {
        var random = new Random(23);
        for (var k = 0; k < 60; k++)
            AssertPool(MatchCriteria.ForOpportunity(Opportunity(random, RandomId(random), 100_000 + k)), forOpportunities: false);
    }

    [Fact]
    public void Single_clause_and_unknown_terms_score_by_weight()
    {
        AssertPool(new MatchCriteria(["sector-3"], [], [], [], []), true);
        AssertPool(new MatchCriteria(["no-such-sector"], ["239999"], [], ["concept-5", "no-such-concept"], []), true);
        AssertPool(new MatchCriteria(["no-such-sector"], [], [], [], []), true);
    }

    [Fact]
    public void A_shared_sector_outranks_a_rare_concept_and_ties_go_to_the_lower_id_not_the_earlier_document()
    {
        // 600 of 700 listings share the investor's sector; 50 only a concept of theirs; 50 nothing. Scored with idf² and
        // coord (the engine until now), the concept's idf² (13.1 × 0.5) beats the common sector's (1.33 × 4) and all 50
        // take places in the pool of 500; Elasticsearch, which sums constant weights, never picks them. The 600 are written in
        // descending id order, so the lower doc id (Lucene's tie-break) is the higher id.
        using var directory = new RAMDirectory();
        var random = new Random(99);
        var sectorIds = Enumerable.Range(0, 600).Select(_ => RandomId(random)).OrderByDescending(id => id.ToString(), StringComparer.Ordinal).ToList();
        using (var writer = Writer(directory))
        {
            foreach (var id in sectorIds) writer.AddDocument(LuceneDocuments.From(Listing(id, "sector-0", [])));
            for (var i = 0; i < 50; i++) writer.AddDocument(LuceneDocuments.From(Listing(RandomId(random), "sector-1", ["rare"])));
            for (var i = 0; i < 50; i++) writer.AddDocument(LuceneDocuments.From(Listing(RandomId(random), "sector-2", [])));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var criteria = new MatchCriteria(["sector-0"], [], [], ["rare"], []);

        var pool = IdsOf(searcher, LuceneCandidates.Top(searcher, LuceneQueries.CandidateClauses(criteria, true),
            LuceneFields.OpportunityType, MatchScorer.CandidatePool));

        var lowestIds = sectorIds.Select(id => id.ToString()).Order(StringComparer.Ordinal).Take(MatchScorer.CandidatePool).ToList();
        Assert.Equal(lowestIds, pool);

        // The old scoring really picks another pool, so this test tells the two apart.
        var old = new BooleanQuery(disableCoord: false);
        foreach (var c in LuceneQueries.CandidateClauses(criteria, true)) old.Add(new TermQuery(c.Term) { Boost = c.Boost }, Occur.SHOULD);
        var oldPool = IdsOf(searcher, searcher.Search(old, LuceneQueries.TypeFilter(LuceneFields.OpportunityType), MatchScorer.CandidatePool).ScoreDocs);
        Assert.Equal(50, oldPool.Except(sectorIds.Select(id => id.ToString())).Count());
        Assert.NotEqual(pool.Order(StringComparer.Ordinal), oldPool.Order(StringComparer.Ordinal));
    }

    private static OpportunityDocument Listing(Guid id, string sector, string[] concepts) => new()
    {
        Id = id, ExternalRef = id.ToString("N")[..8], Sector = sector, Location = "230100", LocationPath = ["230100", "230000"],
        Concepts = concepts, PublishedAt = DateTimeOffset.UnixEpoch,
    };

    private static List<string> IdsOf(IndexSearcher searcher, ScoreDoc[] docs) =>
        [.. docs.Select(d => searcher.Doc(d.Doc).Get(LuceneFields.Id))];

    private void AssertPool(MatchCriteria criteria, bool forOpportunities)
    {
        var expected = Expected(criteria, forOpportunities, MatchScorer.CandidatePool);
        var type = forOpportunities ? LuceneFields.OpportunityType : LuceneFields.InvestorType;
        var actual = LuceneCandidates.Top(_searcher, LuceneQueries.CandidateClauses(criteria, forOpportunities), type,
            MatchScorer.CandidatePool);
        Assert.Equal(expected.Select(e => $"{e.Id} {e.Score}"),
            actual.Select(d => $"{_searcher.Doc(d.Doc).Get(LuceneFields.Id)} {d.Score}"));
    }

    /// <summary>The pool by definition: every live document's weight sum over the terms it shares, best first, then id.</summary>
    private List<(string Id, float Score)> Expected(MatchCriteria criteria, bool forOpportunities, int limit)
    {
        var terms = CandidateTerms.For(criteria, forOpportunities);
        IEnumerable<(Guid Id, Func<CandidateTerm, bool> Has)> docs = forOpportunities
            ? _opportunities.Values.Select(o => (o.Id, (Func<CandidateTerm, bool>)(t => t.Criterion switch
            {
                CandidateCriterion.Sector => o.Sector == t.Code,
                CandidateCriterion.Location => o.Location == t.Code,
                CandidateCriterion.Mode => o.Modes.Contains(t.Code),
                CandidateCriterion.Concept => o.Concepts.Contains(t.Code),
                _ => o.PartnerRegion == t.Code,
            })))
            : _investors.Values.Select(p => (p.Id, (Func<CandidateTerm, bool>)(t => t.Criterion switch
            {
                CandidateCriterion.Sector => p.Sectors.Contains(t.Code),
                CandidateCriterion.Location => p.LocationScope.Contains(t.Code),
                CandidateCriterion.Mode => p.Modes.Contains(t.Code),
                CandidateCriterion.Concept => p.Concepts.Contains(t.Code),
                _ => false,
            })));
        var scored = docs.Select(d => (Id: d.Id.ToString(), Score: terms.Where(d.Has).Sum(t => t.Weight))).Where(d => d.Score > 0).ToList();
        scored.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : CandidateTerms.CompareIds(x.Id, y.Id));
        return [.. scored.Take(limit)];
    }

    private static IndexWriter Writer(RAMDirectory directory) =>
        new(directory, new IndexWriterConfig(LuceneFields.Version, LuceneFields.CreateAnalyzer())
        {
            MaxBufferedDocs = 700, // several segments, so per-segment term states, ids and doc bases are exercised
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        });

    private void Put(IndexWriter writer, OpportunityDocument o)
    {
        writer.UpdateDocument(LuceneDocuments.OpportunityKey(o.Id), LuceneDocuments.From(o));
        _opportunities[o.Id] = o;
    }

    private void Put(IndexWriter writer, InvestorDocument p)
    {
        writer.UpdateDocument(LuceneDocuments.InvestorKey(p.Id), LuceneDocuments.From(p));
        _investors[p.Id] = p;
    }

    private static Guid RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static T[] Some<T>(Random random, T[] from, int max) =>
        Enumerable.Range(0, random.Next(max + 1)).Select(_ => from[random.Next(from.Length)]).Distinct().ToArray();

    private static OpportunityDocument Opportunity(Random random, Guid id, int i)
    {
        var location = Locations[random.Next(Locations.Length)];
        return new OpportunityDocument
        {
            Id = id,
            ExternalRef = $"O-{i}",
            Sector = Sectors[random.Next(Sectors.Length)],
            Location = location,
            LocationPath = [location, "230000"],
            PartnerRegion = random.Next(3) == 0 ? null : Regions[random.Next(Regions.Length)],
            Modes = Some(random, Modes, 2),
            Concepts = Some(random, Concepts, 8),
            AmountCny = random.Next(1, 1000) * 1_000_000m,
            PublishedAt = DateTimeOffset.UnixEpoch.AddDays(i),
        };
    }

    private static InvestorDocument Investor(Random random, Guid id, int i)
    {
        var locations = Some(random, Locations, 3);
        return new InvestorDocument
        {
            Id = id,
            ExternalRef = $"I-{i}",
            Sectors = Some(random, Sectors, 3),
            Locations = locations,
            LocationScope = [.. locations, "230000"],
            Modes = Some(random, Modes, 3),
            Concepts = Some(random, Concepts, 40),
            HomeRegion = random.Next(2) == 0 ? null : Regions[random.Next(Regions.Length)],
            UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(i),
        };
    }
}
