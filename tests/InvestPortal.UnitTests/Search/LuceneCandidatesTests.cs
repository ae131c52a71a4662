using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// Matching retrieves its candidate pool term at a time (<see cref="LuceneCandidates"/>) instead of running the
/// candidate BooleanQuery. The pool must be the one the query gives — same documents, same order, same scores — or
/// matching would quietly change at scale, where more than 500 documents share a criterion. The corpus is random but
/// seeded, spread over several segments with deletions, and shares codes widely so pools overflow 500.
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

    public LuceneCandidatesTests()
    {
        var random = new Random(4711);
        var config = new IndexWriterConfig(LuceneFields.Version, LuceneFields.CreateAnalyzer())
        {
            MaxBufferedDocs = 700, // several segments, so per-segment term states and doc bases are exercised
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < 4000; i++)
            {
                var o = Opportunity(random, i);
                writer.UpdateDocument(LuceneDocuments.OpportunityKey(o.Id), LuceneDocuments.From(o));
                if (i % 5 == 0)
                {
                    var p = Investor(random, i);
                    writer.UpdateDocument(LuceneDocuments.InvestorKey(p.Id), LuceneDocuments.From(p));
                }
            }
            // Deleted documents must not come back as candidates.
            for (var i = 0; i < 4000; i += 7) writer.DeleteDocuments(LuceneDocuments.OpportunityKey(IdOf(i)));
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
        var wide = new MatchCriteria([], [], ["equity"], [], ["RU-AMU"]);
        Assert.True(_searcher.Search(LuceneQueries.Candidates(wide, true)!, LuceneQueries.TypeFilter(LuceneFields.OpportunityType), 1).TotalHits
            > MatchScorer.CandidatePool);
    }

    [Fact]
    public void Investor_to_opportunities_pool_equals_the_boolean_query()
    {
        var random = new Random(17);
        for (var k = 0; k < 60; k++)
            AssertSamePool(MatchCriteria.ForInvestor(Investor(random, 100_000 + k)), forOpportunities: true, LuceneFields.OpportunityType);
    }

    [Fact]
    public void Opportunity_to_investors_pool_equals_the_boolean_query()
    {
        var random = new Random(23);
        for (var k = 0; k < 60; k++)
            AssertSamePool(MatchCriteria.ForOpportunity(Opportunity(random, 100_000 + k)), forOpportunities: false, LuceneFields.InvestorType);
    }

    [Fact]
    public void Single_clause_and_unknown_terms_behave_as_the_query()
    {
        AssertSamePool(new MatchCriteria(["sector-3"], [], [], [], []), true, LuceneFields.OpportunityType);
        AssertSamePool(new MatchCriteria(["no-such-sector"], ["239999"], [], ["concept-5", "no-such-concept"], []), true, LuceneFields.OpportunityType);
        AssertSamePool(new MatchCriteria(["no-such-sector"], [], [], [], []), true, LuceneFields.OpportunityType);
    }

    private void AssertSamePool(MatchCriteria criteria, bool forOpportunities, string type)
    {
        var expected = _searcher.Search(LuceneQueries.Candidates(criteria, forOpportunities)!, LuceneQueries.TypeFilter(type),
            MatchScorer.CandidatePool).ScoreDocs;
        var actual = LuceneCandidates.Top(_searcher, LuceneQueries.CandidateClauses(criteria, forOpportunities), type,
            MatchScorer.CandidatePool);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Doc, actual[i].Doc);
            Assert.Equal(expected[i].Score, actual[i].Score, 5);
        }
    }

    private static Guid IdOf(int i) => new(i, 0, 0, new byte[8]);

    private static T[] Some<T>(Random random, T[] from, int max) =>
        Enumerable.Range(0, random.Next(max + 1)).Select(_ => from[random.Next(from.Length)]).Distinct().ToArray();

    private static OpportunityDocument Opportunity(Random random, int i)
    {
        var location = Locations[random.Next(Locations.Length)];
        return new OpportunityDocument
        {
            Id = IdOf(i),
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

    private static InvestorDocument Investor(Random random, int i)
    {
        var locations = Some(random, Locations, 3);
        return new InvestorDocument
        {
            Id = new Guid(i, 1, 0, new byte[8]),
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
