using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// The uncached search path shares work that Lucene would do per term and per hit: term states looked up once per field
/// and segment (<see cref="TermStates"/>) and facets counted from per-segment ordinal arrays (<see cref="FacetOrdinals"/>).
/// Both must give exactly what the plain path gives — same hits, same scores, same counts — over several segments with
/// deleted and updated documents.
/// </summary>
public sealed class LuceneQueryExecutionTests : IDisposable
{
    private static readonly string[] Sectors = Enumerable.Range(0, 8).Select(i => $"sector-{i}").ToArray();
    private static readonly string[] Locations = Enumerable.Range(0, 20).Select(i => $"23{i:D4}").ToArray();
    private static readonly string[] Modes = ["equity", "joint-venture", "loan", "lease"];
    private static readonly string[] Concepts = Enumerable.Range(0, 60).Select(i => $"concept-{i}").ToArray();

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneQueryExecutionTests()
    {
        var random = new Random(99);
        var config = new IndexWriterConfig(LuceneFields.Version, LuceneFields.CreateAnalyzer())
        {
            MaxBufferedDocs = 300, // several segments
            MergePolicy = NoMergePolicy.COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < 1500; i++)
                writer.UpdateDocument(LuceneDocuments.OpportunityKey(IdOf(i)), LuceneDocuments.From(Opportunity(random, i)));
            // Deleted documents, and updated ones (the old version stays in its segment, deleted): counted once or never.
            for (var i = 0; i < 1500; i += 9) writer.DeleteDocuments(LuceneDocuments.OpportunityKey(IdOf(i)));
            for (var i = 4; i < 1500; i += 11) writer.UpdateDocument(LuceneDocuments.OpportunityKey(IdOf(i)), LuceneDocuments.From(Opportunity(random, i)));
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
    public void A_query_with_looked_up_term_states_finds_the_same_hits_with_the_same_scores()
    {
        Assert.True(_reader.Leaves.Count >= 4);
        var random = new Random(5);
        for (var k = 0; k < 40; k++)
        {
            var inner = new BooleanQuery(disableCoord: true) { Boost = 1.7f };
            foreach (var c in Concepts.OrderBy(_ => random.Next()).Take(random.Next(1, 6)))
                inner.Add(new TermQuery(new Term(LuceneFields.Concept, c)), Occur.SHOULD);
            inner.Add(new TermQuery(new Term(LuceneFields.Concept, "no-such-concept")), Occur.SHOULD);
            inner.MinimumNumberShouldMatch = random.Next(0, 2);
            var outer = new BooleanQuery
            {
                { inner, Occur.MUST },
                { new TermQuery(new Term(LuceneFields.Sector, Sectors[random.Next(Sectors.Length)])) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(new Term(LuceneFields.Mode, Modes[random.Next(Modes.Length)])), Occur.SHOULD },
            };
            var expected = _searcher.Search(outer, LuceneQueries.TypeFilter(LuceneFields.OpportunityType), 2000).ScoreDocs;
            var actual = _searcher.Search(TermStates.Prebuild(outer, _searcher), LuceneQueries.TypeFilter(LuceneFields.OpportunityType), 2000).ScoreDocs;
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
            Assert.Equal(expected.Select(d => d.Score), actual.Select(d => d.Score));
        }
    }

    [Fact]
    public void Term_states_looked_up_for_an_older_reader_are_not_used_after_the_index_changes()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, LuceneFields.CreateAnalyzer()));
        var random = new Random(8);
        for (var i = 0; i < 200; i++) writer.UpdateDocument(LuceneDocuments.OpportunityKey(IdOf(i)), LuceneDocuments.From(Opportunity(random, i)));
        writer.Commit();
        var query = new TermQuery(new Term(LuceneFields.Concept, "concept-new"));
        using (var before = DirectoryReader.Open(directory))
            Assert.Equal(0, new IndexSearcher(before).Search(TermStates.Prebuild(query, new IndexSearcher(before)), 10).TotalHits);

        writer.UpdateDocument(LuceneDocuments.OpportunityKey(IdOf(500)),
            LuceneDocuments.From(Opportunity(random, 500) with { Concepts = ["concept-new"] }));
        writer.Commit();
        using var after = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(after);
        var found = searcher.Search(TermStates.Prebuild(query, searcher), 10);
        Assert.Equal(1, found.TotalHits);
        Assert.Equal(searcher.Search(query, 10).ScoreDocs[0].Score, found.ScoreDocs[0].Score);
    }

    [Fact]
    public void Facet_counts_equal_a_count_of_each_live_hits_doc_values()
    {
        string[] groups = [FacetGroups.Sector, FacetGroups.Location, FacetGroups.Mode, FacetGroups.PartnerRegion, FacetGroups.Stage];
        Query[] queries =
        [
            new MatchAllDocsQuery(),
            new TermQuery(new Term(LuceneFields.Concept, "concept-7")),
            new TermQuery(new Term(LuceneFields.Mode, "loan")),
        ];
        foreach (var query in queries)
        {
            var facets = new FacetCollector(groups);
            _searcher.Search(query, LuceneQueries.TypeFilter(LuceneFields.OpportunityType), facets);
            var actual = facets.Result();

            var hits = _searcher.Search(query, LuceneQueries.TypeFilter(LuceneFields.OpportunityType), _reader.MaxDoc).ScoreDocs;
            Assert.NotEmpty(hits);
            foreach (var group in groups)
            {
                var expected = new Dictionary<string, int>();
                foreach (var hit in hits)
                {
                    var leaf = _reader.Leaves[ReaderUtil.SubIndex(hit.Doc, _reader.Leaves)];
                    var values = leaf.AtomicReader.GetSortedSetDocValues(LuceneFields.Facet(group));
                    if (values is null) continue;
                    values.SetDocument(hit.Doc - leaf.DocBase);
                    var term = new BytesRef();
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        values.LookupOrd(ord, term);
                        expected[term.Utf8ToString()] = expected.GetValueOrDefault(term.Utf8ToString()) + 1;
                    }
                }
                Assert.Equal(expected.OrderBy(e => e.Key), actual[group].OrderBy(e => e.Key));
                // Largest count first, ties by code, as the page lists them.
                Assert.Equal(actual[group].OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal), actual[group]);
            }
        }
    }

    private static Guid IdOf(int i) => new(i, 0, 0, new byte[8]);

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
            PartnerRegion = random.Next(3) == 0 ? null : $"RU-{random.Next(4)}",
            Modes = Enumerable.Range(0, random.Next(3)).Select(_ => Modes[random.Next(Modes.Length)]).Distinct().ToArray(),
            Stage = random.Next(4) == 0 ? null : $"stage-{random.Next(3)}",
            Concepts = Enumerable.Range(0, random.Next(6)).Select(_ => Concepts[random.Next(Concepts.Length)]).Distinct().ToArray(),
            AmountCny = random.Next(1, 1000) * 1_000_000m,
            PublishedAt = DateTimeOffset.UnixEpoch.AddDays(i),
        };
    }
}
