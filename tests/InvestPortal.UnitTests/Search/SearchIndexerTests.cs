using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Search.Lucene;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static InvestPortal.UnitTests.Search.SearchTestData;

namespace InvestPortal.UnitTests.Search;

/// <summary>The database is the truth: the indexer and the outbox handler read it and index only what may be seen.</summary>
public sealed class SearchIndexerTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private readonly string _folder = TestPaths.NewTempFolder("indexer");
    private readonly SearchSemantics _semantics = SearchTestData.Semantics();
    private SqlitePortalDbContext _db = null!;
    private LuceneSearchEngine _engine = null!;
    private SearchIndexer _indexer = null!;

    public async Task InitializeAsync()
    {
        _db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "test.db")}").Options);
        await _db.Database.MigrateAsync();
        var org = new Organization { Name = "Test bureau", Slug = "test-bureau" };
        _db.Organizations.Add(org);
        foreach (var o in Opportunities().Concat(NeverIndexable())) { o.OrganizationId = org.Id; _db.Opportunities.Add(o); }
        _db.InvestorProfiles.AddRange(Investors());
        _db.SavedSearches.Add(new SavedSearch { UserId = "u1", Name = "timber", QueryJson = SearchQueryJson.Serialize(new OpportunityQuery { Text = "timber" }) });
        _db.SavedSearches.Add(new SavedSearch { UserId = "u1", Name = "broken", QueryJson = "{not json" });
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
        _engine = new LuceneSearchEngine(Path.Combine(_folder, "index"), _semantics);
        _indexer = new SearchIndexer(_db, _engine, new SearchDocumentBuilder(_semantics), new SearchRebuildCoordinator(), NullLogger<SearchIndexer>.Instance);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Rebuild_indexes_published_opportunities_public_profiles_and_readable_saved_searches()
    {
        var report = await _indexer.RebuildAsync();
        Assert.Equal((5, 3, 1), (report.Opportunities, report.Investors, report.SavedSearches));
        var health = await _engine.GetHealthAsync();
        Assert.Equal((5L, 3L, false), (health.Opportunities, health.Investors, health.NeedsRebuild));
        Assert.Empty((await _engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "zeppelin" })).Hits);
    }

    [Fact]
    public async Task The_outbox_handler_indexes_what_is_published_now_and_deletes_the_rest()
    {
        await _indexer.RebuildAsync();
        var timber = await _db.Opportunities.SingleAsync(o => o.Id == TimberZh);
        timber.Status = OpportunityStatus.Closed;
        var draft = await _db.Opportunities.SingleAsync(o => o.ExternalRef == "DRAFT-1");
        draft.Status = OpportunityStatus.Published;
        draft.PublishedAt = DateTimeOffset.UtcNow;
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        var coordinator = new SearchRebuildCoordinator();
        coordinator.StartupDecided();
        var handler = Handler(_indexer, coordinator, new SearchOptions());
        Assert.Equal(OutboxKinds.Index, handler.Kind);
        var message = new OutboxMessage
        {
            Kind = OutboxKinds.Index,
            PayloadJson = System.Text.Json.JsonSerializer.Serialize(new IndexRequest([TimberZh, draft.Id, Guid.NewGuid()], [EnergyFund]), Json),
        };
        await handler.HandleAsync(message, CancellationToken.None);

        var refs = (await _engine.SearchOpportunitiesAsync(new OpportunityQuery())).Hits.Select(h => h.ExternalRef).ToList();
        Assert.DoesNotContain("TIMBER-ZH", refs);
        Assert.Contains("DRAFT-1", refs);
        Assert.Equal(5, refs.Count);
    }

    [Fact]
    public async Task A_rebuild_covers_the_index_messages_pending_when_it_starts_so_each_listing_is_indexed_once()
    {
        // As when a portal starts after an import: the import's index message is pending, and the index needs a rebuild.
        var counting = new CountingSearchEngine(_engine);
        var coordinator = new SearchRebuildCoordinator();
        var indexer = new SearchIndexer(_db, counting, new SearchDocumentBuilder(_semantics), coordinator, NullLogger<SearchIndexer>.Instance);
        var published = await _db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToListAsync();
        var message = _db.Enqueue(OutboxKinds.Index, new IndexRequest(published, []), "index:import:test");
        await _db.SaveChangesAsync();

        // The dispatcher takes the message before the start-up check has decided; the rebuild then starts.
        var handled = Handler(indexer, coordinator, new SearchOptions()).HandleAsync(message, CancellationToken.None);
        var report = await indexer.RebuildAsync();
        await handled;

        Assert.Equal(5, report.Opportunities);
        Assert.Equal(5, (await _engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        Assert.All(published, id => Assert.Equal(1, counting.OpportunityIndexings.GetValueOrDefault(id)));
        _db.ChangeTracker.Clear();
        Assert.Equal(OutboxStatus.Sent, (await _db.OutboxMessages.SingleAsync(m => m.Id == message.Id)).Status);
    }

    [Fact]
    public async Task A_backlog_of_index_messages_as_large_as_half_the_catalogue_is_indexed_by_one_rebuild_each_listing_once()
    {
        // As after a large import into a running portal: the dispatcher holds a batch of index messages naming 8 of the
        // 8 listings and profiles; the first runs a rebuild, the rest of the batch must not index them again.
        var (counting, indexer, handler) = HandlerWithBacklogRebuildFrom(4);
        var published = await _db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToListAsync();
        var batch = new[]
        {
            _db.Enqueue(OutboxKinds.Index, new IndexRequest(published.Take(3).ToList(), []), "index:import:1"),
            _db.Enqueue(OutboxKinds.Index, new IndexRequest(published.Skip(3).ToList(), []), "index:import:2"),
            _db.Enqueue(OutboxKinds.Index, new IndexRequest([], [TimberInvestor, EnergyFund, TradeBank]), "index:import:3"),
        };
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        foreach (var message in batch) await handler.HandleAsync(message, CancellationToken.None);

        Assert.Equal(1, counting.Rebuilds);
        Assert.All(published, id => Assert.Equal(1, counting.OpportunityIndexings.GetValueOrDefault(id)));
        Assert.Equal(5, (await _engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        Assert.Equal(3, (await _engine.SearchInvestorsAsync(new InvestorQuery())).Total);
        Assert.True(await _db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent));
    }

    [Fact]
    public async Task A_backlog_under_half_the_catalogue_or_under_the_minimum_is_indexed_message_by_message()
    {
        await _indexer.RebuildAsync();
        var message = _db.Enqueue(OutboxKinds.Index, new IndexRequest([TimberZh, SoyRu, LogisticsEn], []), "index:edits");
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        // 3 of 8 is under half the catalogue, though over the minimum of 1.
        var (counting, _, handler) = HandlerWithBacklogRebuildFrom(1);
        await handler.HandleAsync(message, CancellationToken.None);
        Assert.Equal(0, counting.Rebuilds);
        Assert.Equal(1, counting.OpportunityIndexings.GetValueOrDefault(TimberZh));

        // Half the catalogue or more, but under the minimum.
        var all = await _db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToListAsync();
        var large = _db.Enqueue(OutboxKinds.Index, new IndexRequest(all, []), "index:edits:2");
        await _db.SaveChangesAsync();
        (counting, _, handler) = HandlerWithBacklogRebuildFrom(100);
        await handler.HandleAsync(large, CancellationToken.None);
        Assert.Equal(0, counting.Rebuilds);
        Assert.All(all, id => Assert.Equal(1, counting.OpportunityIndexings.GetValueOrDefault(id)));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(100, false)]
    public async Task An_import_command_with_no_server_owning_the_index_rebuilds_it_for_a_large_backlog_only(int minimum, bool rebuilds)
    {
        // As after `import` with the portal stopped: nobody has the index open, the import's messages are pending.
        var published = await _db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToListAsync();
        var message = _db.Enqueue(OutboxKinds.Index, new IndexRequest(published, [TimberInvestor, EnergyFund, TradeBank]), "index:import:cli");
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
        var index = Path.Combine(_folder, "command-index");
        var options = new SearchOptions { IndexPath = index, RebuildForBacklogOf = minimum };
        var services = new ServiceCollection();
        var engineOpened = false;
        services.AddSingleton<ISearchEngine>(_ =>
        {
            engineOpened = true; // only when the command indexes
            return new LuceneSearchEngine(index, _semantics);
        });
        services.AddSingleton(new SearchRebuildCoordinator());
        services.AddTransient(_ => new IndexBacklog(_db));
        services.AddTransient(sp => new SearchIndexer(_db, sp.GetRequiredService<ISearchEngine>(), new SearchDocumentBuilder(_semantics),
            sp.GetRequiredService<SearchRebuildCoordinator>(), NullLogger<SearchIndexer>.Instance));
        RebuildReport? report;
        await using (var provider = services.BuildServiceProvider())
        {
            var routing = new SearchRebuildRouting(Microsoft.Extensions.Options.Options.Create(options),
                new PortalPaths(new StorageOptions { DataPath = _folder }, _folder), _db, provider);
            report = await routing.IndexBacklogWithoutServerAsync();
        }
        _db.ChangeTracker.Clear();
        var status = (await _db.OutboxMessages.SingleAsync(m => m.Id == message.Id)).Status;
        if (rebuilds)
        {
            Assert.Equal((5, 3), (report!.Opportunities, report.Investors));
            Assert.Equal(OutboxStatus.Sent, status);
            using var reopened = new LuceneSearchEngine(index, _semantics);
            Assert.Equal(5, (await reopened.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        }
        else
        {
            Assert.Null(report);
            Assert.Equal(OutboxStatus.Pending, status);
            Assert.False(engineOpened);
        }
    }

    private (CountingSearchEngine Counting, SearchIndexer Indexer, SearchIndexOutboxHandler Handler) HandlerWithBacklogRebuildFrom(int minimum)
    {
        var counting = new CountingSearchEngine(_engine);
        var coordinator = new SearchRebuildCoordinator();
        coordinator.StartupDecided();
        var indexer = new SearchIndexer(_db, counting, new SearchDocumentBuilder(_semantics), coordinator, NullLogger<SearchIndexer>.Instance);
        return (counting, indexer, Handler(indexer, coordinator, new SearchOptions { RebuildForBacklogOf = minimum }));
    }

    private SearchIndexOutboxHandler Handler(SearchIndexer indexer, SearchRebuildCoordinator coordinator, SearchOptions options) =>
        new(indexer, coordinator, new IndexBacklog(_db), Microsoft.Extensions.Options.Options.Create(options), NullLogger<SearchIndexOutboxHandler>.Instance);

    [Fact]
    public async Task A_rebuild_refreshes_what_admins_correct_before_it_builds_a_single_document()
    {
        // At start the index can be rebuilt while the stored corrections (labels, crossings) are still loading.
        var counting = new CountingSearchEngine(_engine);
        var input = new RecordingInputs(counting);
        var indexer = new SearchIndexer(_db, counting, new SearchDocumentBuilder(_semantics), new SearchRebuildCoordinator(),
            NullLogger<SearchIndexer>.Instance, [input]);

        var report = await indexer.RebuildAsync();

        Assert.Equal(5, report.Opportunities);
        Assert.Equal([0], input.IndexedWhenRefreshed);
    }

    private sealed class RecordingInputs(CountingSearchEngine engine) : ISearchDocumentInputs
    {
        public List<int> IndexedWhenRefreshed { get; } = [];

        public Task RefreshAsync(CancellationToken ct)
        {
            IndexedWhenRefreshed.Add(engine.OpportunityIndexings.Count);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_rebuild_reads_every_page_by_key()
    {
        var org = await _db.Organizations.FirstAsync();
        for (var i = 0; i < SearchIndexer.BatchSize * 2 + 7; i++)
        {
            _db.Opportunities.Add(new Opportunity
            {
                ExternalRef = $"PAGE-{i:D4}", Slug = $"page-{i:D4}", Status = OpportunityStatus.Published, SectorCode = "logistics",
                LocationCode = "230100", TotalAmount = 1_000_000, CooperationModes = ["joint-venture"], OrganizationId = org.Id,
                PublishedAt = DateTimeOffset.UtcNow,
                Translations = [new OpportunityTranslation { Culture = "en", Title = $"Paged warehouse {i}", Summary = "s", Description = "d" }],
            });
        }
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        var report = await _indexer.RebuildAsync();

        Assert.Equal(5 + SearchIndexer.BatchSize * 2 + 7, report.Opportunities);
        Assert.Equal(report.Opportunities, (await _engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
        // Each listing came with its own texts, on every page.
        Assert.Equal(SearchIndexer.BatchSize * 2 + 7, (await _engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "paged" })).Total);
        var last = await _engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = $"\"Paged warehouse {SearchIndexer.BatchSize * 2 + 6}\"" });
        Assert.Equal("PAGE-1006", Assert.Single(last.Hits, h => h.ExternalRef == "PAGE-1006").ExternalRef);
    }

    [Fact]
    public async Task Each_page_of_a_rebuild_is_read_by_key_from_an_index_without_sorting_the_rest_of_the_catalogue()
    {
        // A plan that sorts (USE TEMP B-TREE) or searches by Status alone reads every published listing after the key,
        // for every page: 10 s of a 100,000-listing rebuild went there.
        var listings = await QueryPlanAsync(_indexer.OpportunityPage(Guid.NewGuid()));
        Assert.Contains(listings, line => line.Contains("IX_Opportunities_Status_Id (Status=? AND Id>?)", StringComparison.Ordinal));
        var profiles = await QueryPlanAsync(_indexer.InvestorPage(Guid.NewGuid()));
        Assert.Contains(profiles, line => line.Contains("(Id>?)", StringComparison.Ordinal));
        foreach (var plan in new[] { listings, profiles })
        {
            // The outer ORDER BY sorts one page's rows with their translations; the inner query must not sort.
            var inner = plan.TakeWhile(line => !line.Contains("SCAN ", StringComparison.Ordinal) || line.Contains("USING", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(inner, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    /// <summary>SQLite's plan for the query, one line per step, inner query first.</summary>
    private async Task<List<string>> QueryPlanAsync<T>(IQueryable<T> query)
    {
        var text = query.ToQueryString();
        var connection = _db.Database.GetDbConnection();
        await _db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            // ToQueryString writes parameters as ".param set @name value" lines before the statement.
            if (line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                var parameter = command.CreateParameter();
                parameter.ParameterName = parts[2];
                parameter.Value = parts[3].Trim().Trim('\'');
                command.Parameters.Add(parameter);
            }
            else sql.AppendLine(line);
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    [Fact]
    public async Task What_another_node_closes_hides_or_deletes_after_the_rebuild_read_it_is_not_in_the_rebuilt_index()
    {
        // Another node changes the database after the rebuild read it; on Elasticsearch that node's live deletes can
        // reach the new index before the rebuild's copies do and find nothing, so here only the database changes.
        var counting = new CountingSearchEngine(_engine);
        var indexer = new SearchIndexer(_db, counting, new SearchDocumentBuilder(_semantics), new SearchRebuildCoordinator(), NullLogger<SearchIndexer>.Instance);
        counting.BeforeRebuildStoresSavedSearches = async () =>
        {
            await using var other = OtherNode();
            await other.Opportunities.Where(o => o.Id == TimberZh).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OpportunityStatus.Closed));
            await other.InvestorProfiles.Where(p => p.Id == EnergyFund).ExecuteUpdateAsync(u => u.SetProperty(p => p.Visibility, ProfileVisibility.Hidden));
            await other.SavedSearches.Where(x => x.Name == "timber").ExecuteDeleteAsync();
        };

        var report = await indexer.RebuildAsync();

        Assert.Equal((4, 2, 0), (report.Opportunities, report.Investors, report.SavedSearches));
        var refs = (await _engine.SearchOpportunitiesAsync(new OpportunityQuery())).Hits.Select(h => h.ExternalRef).ToList();
        Assert.DoesNotContain("TIMBER-ZH", refs);
        Assert.Equal(4, refs.Count);
        Assert.DoesNotContain(EnergyFund, (await _engine.SearchInvestorsAsync(new InvestorQuery())).Hits.Select(h => h.Id));
        var sawmill = new SearchDocumentBuilder(_semantics).Build(await _db.Opportunities.AsNoTracking().Include(o => o.Translations).SingleAsync(o => o.Id == SawmillRu))!;
        Assert.Empty(await _engine.PercolateAsync(sawmill));
    }

    [Fact]
    public async Task A_saved_search_stored_while_a_rebuild_runs_is_percolated_after_it()
    {
        var counting = new CountingSearchEngine(_engine);
        var indexer = new SearchIndexer(_db, counting, new SearchDocumentBuilder(_semantics), new SearchRebuildCoordinator(), NullLogger<SearchIndexer>.Instance);
        var late = Guid.NewGuid();
        counting.BeforeRebuildStoresSavedSearches = async () =>
        {
            // The web request that saves a search stores it live, in the same process as the rebuild.
            await using var other = OtherNode();
            other.SavedSearches.Add(new SavedSearch { Id = late, UserId = "u2", Name = "late timber", QueryJson = SearchQueryJson.Serialize(new OpportunityQuery { Text = "timber" }) });
            await other.SaveChangesAsync();
            await _engine.StoreSavedSearchAsync(late, new OpportunityQuery { Text = "timber" });
        };

        await indexer.RebuildAsync();

        var sawmill = new SearchDocumentBuilder(_semantics).Build(await _db.Opportunities.AsNoTracking().Include(o => o.Translations).SingleAsync(o => o.Id == SawmillRu))!;
        Assert.Contains(late, await _engine.PercolateAsync(sawmill));
    }

    private SqlitePortalDbContext OtherNode() => new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "test.db")}").Options);
}
