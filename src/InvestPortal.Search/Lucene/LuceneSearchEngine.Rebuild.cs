using InvestPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace InvestPortal.Search.Lucene;

public sealed partial class LuceneSearchEngine
{
    /// <summary>
    /// Builds a complete new index in a side folder while the old one keeps serving; writes that arrive meanwhile go
    /// to the old index AND are journaled, then replayed into the new one just before the swap, so nothing the outbox
    /// delivered during the rebuild is lost. A crash mid-rebuild leaves the old index untouched.
    /// </summary>
    public Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        EnsureOwner();
        lock (_rebuildLock)
        {
            if (_rebuild is not null) throw new InvalidOperationException("A search index rebuild is already running.");
            var folder = Path.Combine(_root, $"rebuild-{Guid.NewGuid():N}");
            System.IO.Directory.CreateDirectory(folder);
            var dir = BufferedStoredFieldsDirectory.Open(folder);
            var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneFields.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 64,
            });
            _rebuild = new LuceneRebuild(this, folder, dir, writer);
            return Task.FromResult<ISearchRebuild>(_rebuild);
        }
    }

    private void CompleteRebuild(LuceneRebuild rebuild)
    {
        _gate.EnterWriteLock();
        try
        {
            lock (_rebuildLock)
            {
                if (_rebuild != rebuild) throw new InvalidOperationException("This rebuild is no longer the current one.");
                foreach (var change in rebuild.Journal) change(rebuild.Writer);
                rebuild.Writer.Commit();
                // Saved searches stored or deleted while the rebuild ran are newer than the rebuild's read of them;
                // live changes take the same lock, so none falls between the replacement and the end of the rebuild.
                _percolator.ReplaceAll(rebuild.SavedSearches);
                foreach (var (id, query) in rebuild.SavedSearchJournal)
                {
                    if (query is null) _percolator.Delete(id);
                    else _percolator.Store(id, query);
                }
                rebuild.Writer.Dispose();
                rebuild.Directory.Dispose();
                _rebuild = null;
            }
            var main = Path.Combine(_root, MainFolder);
            var old = Path.Combine(_root, $"old-{Guid.NewGuid():N}");
            _state?.Dispose();
            _state = null;
            if (System.IO.Directory.Exists(main)) System.IO.Directory.Move(main, old);
            System.IO.Directory.Move(rebuild.Folder, main);
            _state = Open(main, out _);
            CompactInBackground(_state);

            File.Delete(Path.Combine(_root, NeedsRebuildMarker));
            _problem = null;
            TryDeleteFolder(old);
            _log.LogInformation("Search index rebuilt: {Opportunities} opportunities, {Investors} investor profiles, {Saved} saved searches.",
                rebuild.Opportunities, rebuild.Investors, rebuild.SavedSearches.Count);
        }
        finally { _gate.ExitWriteLock(); }
    }

    /// <summary>The segments a rebuilt index is merged down to after the swap.</summary>
    private const int SegmentsAfterRebuild = 1;

    /// <summary>The merge started after the last rebuild (the benchmark waits for it); completed when none runs.</summary>
    internal Task Compaction { get; private set; } = Task.CompletedTask;

    /// <summary>Segments of the index the next search reads.</summary>
    internal int SegmentCount => WithSearcher(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>
    /// A rebuild leaves several segments (one per indexing thread's flushed buffer: 3 at 100,000 listings), and an uncached
    /// search looks every term up, builds a scorer and counts facets in each, so one large segment is the cheapest start
    /// for the small ones live writes add (<see cref="LiveMergePolicy"/>). Merging after the swap keeps the rebuild as fast
    /// as before and the new index serving meanwhile (5 s at 100,000 listings); searches see the merged segment at the
    /// refresh that follows it.
    /// </summary>
    private void CompactInBackground(IndexState state)
    {
        if (state.Writer is not { } writer) return;
        Compaction = Task.Run(() =>
        {
            try
            {
                writer.ForceMerge(SegmentsAfterRebuild, doWait: true);
                _gate.EnterReadLock();
                try
                {
                    if (_state != state) return;
                    writer.Commit();
                    state.Manager.MaybeRefreshBlocking();
                }
                finally { _gate.ExitReadLock(); }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or IOException or MergePolicy.MergeAbortedException)
            {
                // Shut down, or replaced by a newer rebuild, while merging: that index no longer serves.
                _log.LogDebug(ex, "The merge after a rebuild stopped.");
            }
        });
    }

    private void AbandonRebuild(LuceneRebuild rebuild)
    {
        lock (_rebuildLock)
        {
            if (_rebuild == rebuild) _rebuild = null;
        }
        try { rebuild.Writer.Rollback(); } catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
        rebuild.Directory.Dispose();
        TryDeleteFolder(rebuild.Folder);
    }

    private sealed class LuceneRebuild(LuceneSearchEngine engine, string folder, LuceneDirectory directory, IndexWriter writer) : ISearchRebuild
    {
        private bool _done;
        public string Folder => folder;
        public LuceneDirectory Directory => directory;
        public IndexWriter Writer => writer;
        public List<Action<IndexWriter>> Journal { get; } = [];
        public List<KeyValuePair<Guid, OpportunityQuery>> SavedSearches { get; } = [];
        /// <summary>Live saved-search changes made during the rebuild (query null: deleted), applied after its own list.</summary>
        public List<(Guid Id, OpportunityQuery? Query)> SavedSearchJournal { get; } = [];
        public int Opportunities { get; private set; }
        public int Investors { get; private set; }

        private readonly RebuildIndexingQueue _indexing = new(writer);

        // The new index starts empty and a rebuild hands each id once, so documents are added (no delete by key), and
        // on every core: IndexWriter analyzes concurrently added documents in parallel, one segment buffer per thread.
        public async Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default)
        {
            await _indexing.AddAsync(documents, LuceneDocuments.From, ct);
            Opportunities += documents.Count;
        }

        public async Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default)
        {
            await _indexing.AddAsync(documents, LuceneDocuments.From, ct);
            Investors += documents.Count;
        }

        public Task StoreSavedSearchesAsync(IReadOnlyCollection<KeyValuePair<Guid, OpportunityQuery>> savedSearches, CancellationToken ct = default)
        {
            SavedSearches.AddRange(savedSearches);
            return Task.CompletedTask;
        }

        // A delete by key reaches only documents already in the writer.
        public async Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
        {
            await _indexing.DrainAsync();
            if (ids.Count > 0) writer.DeleteDocuments(ids.Select(LuceneDocuments.OpportunityKey).ToArray());
            Opportunities -= ids.Count;
        }

        public async Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
        {
            await _indexing.DrainAsync();
            if (ids.Count > 0) writer.DeleteDocuments(ids.Select(LuceneDocuments.InvestorKey).ToArray());
            Investors -= ids.Count;
        }

        public Task DeleteSavedSearchesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
        {
            var gone = ids.ToHashSet();
            SavedSearches.RemoveAll(s => gone.Contains(s.Key));
            return Task.CompletedTask;
        }

        public async Task CompleteAsync(CancellationToken ct = default)
        {
            await _indexing.DrainAsync();
            engine.CompleteRebuild(this);
            _done = true;
        }

        public void Abandon()
        {
            if (_done) return;
            _done = true;
            _indexing.Abandon();
            engine.AbandonRebuild(this);
        }

        public ValueTask DisposeAsync()
        {
            Abandon();
            return ValueTask.CompletedTask;
        }
    }
}
