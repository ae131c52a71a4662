using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using InvestPortal.Testing;
using Xunit;
using static InvestPortal.UnitTests.Search.SearchTestData;

namespace InvestPortal.UnitTests.Search;

/// <summary>What only the embedded engine has to prove: its files on disk survive restarts and crashes.</summary>
public sealed class LuceneEngineTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder("lucene-engine");
    private readonly SearchSemantics _semantics = SearchTestData.Semantics();
    private readonly SearchDocumentBuilder _builder;

    public LuceneEngineTests() => _builder = new SearchDocumentBuilder(_semantics);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LuceneSearchEngine Open() => new(_folder, _semantics);

    [Fact]
    public async Task Pages_served_from_the_result_cache_equal_a_fresh_ranking_and_an_index_change_is_seen_at_once()
    {
        using var engine = Open();
        // The published demo catalogue twelve times over (over 300 documents), so pages run past the cache's prefetch depth (200).
        var builder = new SearchDocumentBuilder(DemoCatalogue.Semantics);
        var demo = DemoCatalogue.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(builder.Build).OfType<OpportunityDocument>().ToList();
        var docs = Enumerable.Range(0, 12).SelectMany(copy => demo.Select(d => d with { Id = Guid.NewGuid(), ExternalRef = $"{d.ExternalRef}-{copy}" })).ToList();
        await engine.IndexOpportunitiesAsync(docs);
        var facets = new[] { FacetGroups.Sector, FacetGroups.Location };

        async Task<List<SearchResult>> PagesAsync(int pageSize, int pages, string? text) =>
            [.. await Task.WhenAll(Enumerable.Range(1, pages).Reverse() // the deepest page first, then back to the start
                .Select(p => engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = text, PageSize = pageSize, Page = p, Facets = facets })))];

        foreach (var text in new string?[] { null, "soybean logistics" })
        {
            var byHundred = (await PagesAsync(100, 3, text)).OrderBy(r => r.Page).ToList();
            var bySixty = (await PagesAsync(60, 5, text)).OrderBy(r => r.Page).ToList();
            Assert.Equal(byHundred.SelectMany(r => r.Hits).Select(h => h.Id), bySixty.SelectMany(r => r.Hits).Select(h => h.Id));
            Assert.Single(byHundred.Concat(bySixty).Select(r => r.Total).Distinct());
            Assert.All(bySixty, r => Assert.Equal(byHundred[0].Facets[FacetGroups.Sector], r.Facets[FacetGroups.Sector]));
        }

        // A new document opens a new reader: the next search sees it, whatever was cached before.
        var query = new OpportunityQuery { Facets = facets };
        Assert.Equal(docs.Count, (await engine.SearchOpportunitiesAsync(query)).Total);
        await engine.IndexOpportunitiesAsync([demo[0] with { Id = Guid.NewGuid(), ExternalRef = "NEW-1" }]);
        var after = await engine.SearchOpportunitiesAsync(query);
        Assert.Equal(docs.Count + 1, after.Total);
        Assert.Equal(docs.Count + 1, after.Facets[FacetGroups.Sector].Values.Sum());
    }

    [Fact]
    public async Task A_new_index_asks_for_a_rebuild_and_a_completed_rebuild_clears_it()
    {
        using var engine = Open();
        Assert.True((await engine.GetHealthAsync()).NeedsRebuild);
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync(Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList());
            await rebuild.CompleteAsync();
        }
        var health = await engine.GetHealthAsync();
        Assert.False(health.NeedsRebuild);
        Assert.Equal(5, health.Opportunities);
    }

    [Fact]
    public async Task A_second_engine_on_an_owned_folder_is_unavailable_and_leaves_the_index_alone()
    {
        using var owner = Open();
        await owner.IndexOpportunitiesAsync(Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList());
        Assert.True(LuceneSearchEngine.IsIndexInUse(_folder));

        using (var intruder = Open())
        {
            var health = await intruder.GetHealthAsync();
            Assert.False(health.Available);
            Assert.Contains("in use by another process", health.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<SearchUnavailableException>(() => intruder.BeginRebuildAsync());
            await Assert.ThrowsAsync<SearchUnavailableException>(() => intruder.StoreSavedSearchAsync(Guid.NewGuid(), new OpportunityQuery { Text = "x" }));
        }

        // Nothing was set aside as corrupt and the owner still serves its documents.
        Assert.Empty(Directory.GetDirectories(_folder, "corrupt-*"));
        Assert.Equal(5, (await owner.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        owner.Dispose();
        Assert.False(LuceneSearchEngine.IsIndexInUse(_folder));
    }

    [Fact]
    public async Task Documents_and_saved_searches_survive_a_restart()
    {
        var saved = Guid.NewGuid();
        using (var engine = Open())
        {
            await SeedAsync(engine, _builder);
            await engine.StoreSavedSearchAsync(saved, new OpportunityQuery { Text = "древесина" });
        }
        using (var reopened = Open())
        {
            Assert.Equal(5, (await reopened.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
            Assert.Equal([saved], await reopened.PercolateAsync(_builder.Build(Opportunities().Single(o => o.Id == TimberZh))!));
        }
    }

    [Fact]
    public async Task Saving_one_search_appends_to_the_store_instead_of_rewriting_it_and_deletes_survive_a_restart()
    {
        var (timber, energy, gone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var store = Path.Combine(_folder, "saved-searches.jsonl");
        using (var engine = Open())
        {
            await SeedAsync(engine, _builder);
            await engine.StoreSavedSearchAsync(timber, new OpportunityQuery { Text = "древесина" });
            await engine.StoreSavedSearchAsync(gone, new OpportunityQuery { Text = "древесина" });
            var before = await File.ReadAllBytesAsync(store);
            await engine.StoreSavedSearchAsync(energy, new OpportunityQuery { Text = "energy" });
            var after = await File.ReadAllBytesAsync(store);
            // What was written stays as it was: the new search is added after it.
            Assert.True(after.Length > before.Length);
            Assert.Equal(before, after[..before.Length]);
            await engine.DeleteSavedSearchAsync(gone);
        }
        using (var reopened = Open())
        {
            Assert.Equal(2, (await reopened.GetHealthAsync()).SavedSearches);
            Assert.Equal([timber], await reopened.PercolateAsync(_builder.Build(Opportunities().Single(o => o.Id == TimberZh))!));
        }
    }

    [Fact]
    public async Task Saved_searches_in_the_former_single_file_are_read_at_start()
    {
        var saved = Guid.NewGuid();
        using (var engine = Open()) await SeedAsync(engine, _builder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "saved-searches.json"),
            $$$"""[{"id":"{{{saved}}}","query":{"text":"древесина"}}]""");
        using var reopened = Open();
        Assert.Equal([saved], await reopened.PercolateAsync(_builder.Build(Opportunities().Single(o => o.Id == TimberZh))!));
        Assert.False(File.Exists(Path.Combine(_folder, "saved-searches.json")));
    }

    [Fact]
    public async Task A_corrupt_index_is_set_aside_reported_and_the_engine_keeps_serving()
    {
        using (var engine = Open())
        {
            await using var rebuild = await engine.BeginRebuildAsync();
            await rebuild.IndexOpportunitiesAsync(Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList());
            await rebuild.CompleteAsync();
        }
        var main = Path.Combine(_folder, "main");
        foreach (var file in Directory.GetFiles(main).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);

        using var reopened = Open();
        var health = await reopened.GetHealthAsync();
        Assert.True(health.Available);
        Assert.True(health.NeedsRebuild);
        Assert.NotNull(health.Message);
        Assert.Equal(0, (await reopened.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        await reopened.IndexOpportunitiesAsync([_builder.Build(Opportunities()[0])!]);
        Assert.Equal(1, (await reopened.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        Assert.Single(Directory.GetDirectories(_folder, "corrupt-*"));
    }

    [Fact]
    public async Task Writes_during_a_rebuild_are_not_lost_at_the_swap()
    {
        using var engine = Open();
        var docs = Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList();
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync(docs.Take(3).ToList());
            // Meanwhile the outbox publishes one more and removes one the rebuild already has.
            await engine.IndexOpportunitiesAsync([docs[4]]);
            await engine.DeleteOpportunitiesAsync([docs[0].Id]);
            await rebuild.CompleteAsync();
        }
        var refs = (await engine.SearchOpportunitiesAsync(new OpportunityQuery())).Hits.Select(h => h.ExternalRef).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { docs[1].ExternalRef, docs[2].ExternalRef, docs[4].ExternalRef }.Order(StringComparer.Ordinal), refs);
    }

    [Fact]
    public async Task A_rebuilt_index_is_merged_into_one_segment_in_the_background_and_keeps_every_write()
    {
        using var engine = Open();
        var docs = Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList();
        // Copies enough for every indexing thread to flush a segment of its own, and a live write during the rebuild.
        var copies = Enumerable.Range(0, 400).Select(i => docs[i % docs.Count] with { Id = Guid.NewGuid(), ExternalRef = $"COPY-{i}" }).ToList();
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync(copies.Take(200).ToList());
            await engine.IndexOpportunitiesAsync([docs[0]]);
            await rebuild.IndexOpportunitiesAsync(copies.Skip(200).ToList());
            await rebuild.CompleteAsync();
        }
        await engine.Compaction;

        Assert.Equal(1, engine.SegmentCount);
        Assert.Equal(401, (await engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        await engine.DeleteOpportunitiesAsync([copies[7].Id]);
        Assert.Equal(400, (await engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
    }

    [Fact]
    public async Task Shutting_down_while_the_merge_after_a_rebuild_runs_keeps_the_rebuilt_index()
    {
        var docs = Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList();
        var copies = Enumerable.Range(0, 2000).Select(i => docs[i % docs.Count] with { Id = Guid.NewGuid(), ExternalRef = $"COPY-{i}" }).ToList();
        var engine = Open();
        await using (var rebuild = await engine.BeginRebuildAsync())
        {
            foreach (var batch in copies.Chunk(500)) await rebuild.IndexOpportunitiesAsync(batch);
            await rebuild.CompleteAsync();
        }
        engine.Dispose(); // at once: the merge is abandoned, not awaited, and does not fail the shutdown
        await engine.Compaction.WaitAsync(TimeSpan.FromSeconds(30));

        using var reopened = Open();
        Assert.Equal(2000, (await reopened.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        Assert.False((await reopened.GetHealthAsync()).NeedsRebuild);
    }

    [Fact]
    public async Task Only_one_rebuild_runs_at_a_time()
    {
        using var engine = Open();
        await using var first = await engine.BeginRebuildAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.BeginRebuildAsync());
    }

    [Fact]
    public async Task A_disposed_engine_reports_unavailable()
    {
        var engine = Open();
        engine.Dispose();
        await Assert.ThrowsAsync<SearchUnavailableException>(() => engine.SearchOpportunitiesAsync(new OpportunityQuery()));
        Assert.False((await engine.GetHealthAsync()).Available);
    }
}
