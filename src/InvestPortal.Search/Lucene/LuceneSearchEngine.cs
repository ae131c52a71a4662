using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The embedded engine: one Lucene index under a folder (DataPath/index), one <see cref="IndexWriter"/>, a
/// <see cref="SearcherManager"/> refreshed after every write so a completed write is visible to the next search.
/// Thread-safe: writes and searches share a read lock; only the swap at the end of a rebuild takes the write lock.
/// Lucene calls are synchronous; the async signatures are the contract's.
/// </summary>
public sealed partial class LuceneSearchEngine : ISearchEngine, IDisposable
{
    private const string MainFolder = "main";
    private const string NeedsRebuildMarker = "needs-rebuild";
    /// <summary>The saved searches' journal (<see cref="LucenePercolator"/>); a former saved-searches.json is converted at open.</summary>
    private const string SavedSearchesFile = "saved-searches.jsonl";

    private readonly string _root;
    private readonly bool _cacheRankings;
    private readonly SearchSemantics _semantics;
    private readonly ILogger _log;
    private readonly Analyzer _analyzer = LuceneFields.CreateAnalyzer();
    private readonly IReadOnlyDictionary<string, Analyzer> _cultureAnalyzers;
    private readonly LuceneQueries _queries;
    private readonly LucenePercolator _percolator;
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private readonly System.Threading.Lock _rebuildLock = new();
    private IndexState? _state;
    private string? _problem;
    private LuceneRebuild? _rebuild;
    private readonly LuceneIndexOwner? _owner;
    private bool _disposed;

    /// <summary>The open index; <see cref="Writer"/> is null for a read-only engine.</summary>
    private sealed record IndexState(LuceneDirectory Directory, IndexWriter? Writer, SearcherManager Manager) : IDisposable
    {
        public void Dispose()
        {
            Manager.Dispose();
            // A running merge (the one after a rebuild can take a while) is abandoned, not awaited: the last commit stands.
            Writer?.Dispose(waitForMerges: false);
            Directory.Dispose();
        }
    }

    /// <param name="cacheRankings">
    /// Reuse rankings per index reader (<see cref="LuceneResultCache"/>). Off only where the cost of ranking itself is
    /// measured (the benchmark), since a repeated query would otherwise be timed as a lookup.
    /// </param>
    /// <param name="readOnly">
    /// Search only (the `matches` command): opens the last commit with a reader, takes neither <c>owner.lock</c> nor
    /// Lucene's write.lock and changes nothing in the folder, so it works while the portal owns the index and never
    /// keeps the portal from owning it. Every write is refused with <see cref="SearchUnavailableException"/>.
    /// </param>
    public LuceneSearchEngine(string root, SearchSemantics semantics, ILogger<LuceneSearchEngine>? log = null, bool cacheRankings = true,
        bool readOnly = false)
    {
        _cacheRankings = cacheRankings;
        _root = Path.GetFullPath(root);
        _semantics = semantics;
        _log = log ?? NullLogger<LuceneSearchEngine>.Instance;
        _cultureAnalyzers = Cultures.All.ToDictionary(c => c, LuceneFields.ForCulture);
        _queries = new LuceneQueries(_cultureAnalyzers, semantics);
        if (readOnly)
        {
            _percolator = new LucenePercolator(Path.Combine(_root, SavedSearchesFile), semantics, _queries, _cultureAnalyzers, readOnly: true);
            _state = OpenReadOnly(Path.Combine(_root, MainFolder));
            return;
        }
        System.IO.Directory.CreateDirectory(_root);
        _owner = LuceneIndexOwner.TryAcquire(_root);
        if (_owner is null)
        {
            // Another process owns the folder: touch nothing (no clean-up, no recovery, no rebuild marker), serve nothing.
            _problem = $"The search index at {_root} is in use by another process ({LuceneIndexOwner.Holder(_root) ?? "unknown"}).";
            _log.LogError("{Problem}", _problem);
            _percolator = new LucenePercolator(Path.Combine(_root, SavedSearchesFile), semantics, _queries, _cultureAnalyzers, readOnly: true);
            return;
        }
        foreach (var stale in System.IO.Directory.GetDirectories(_root, "rebuild-*").Concat(System.IO.Directory.GetDirectories(_root, "old-*")))
            TryDeleteFolder(stale);
        _state = OpenOrRecover();
        try { _percolator = new LucenePercolator(Path.Combine(_root, SavedSearchesFile), semantics, _queries, _cultureAnalyzers); }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException)
        {
            _log.LogError(ex, "Saved searches file unreadable; they come back with the next rebuild.");
            File.Delete(Path.Combine(_root, SavedSearchesFile));
            File.Delete(Path.ChangeExtension(Path.Combine(_root, SavedSearchesFile), ".json"));
            _percolator = new LucenePercolator(Path.Combine(_root, SavedSearchesFile), semantics, _queries, _cultureAnalyzers);
            MarkNeedsRebuild();
        }
    }

    public string Name => "lucene";

    /// <summary>
    /// Whether a running engine — normally the server's — owns the index folder at <paramref name="root"/>. The
    /// `reindex` command then asks that process to rebuild (through the outbox) instead of touching the folder itself.
    /// </summary>
    public static bool IsIndexInUse(string root) => LuceneIndexOwner.IsHeld(Path.GetFullPath(root));

    public bool NeedsRebuild => File.Exists(Path.Combine(_root, NeedsRebuildMarker));

    // ---------- opening and crash recovery ----------

    private IndexState? OpenOrRecover()
    {
        var main = Path.Combine(_root, MainFolder);
        try
        {
            var state = Open(main, out var created);
            if (created) MarkNeedsRebuild();
            return state;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.LogError(ex, "The search index at {Path} is unreadable; starting an empty one, a rebuild is needed.", main);
            try
            {
                if (System.IO.Directory.Exists(main))
                    System.IO.Directory.Move(main, Path.Combine(_root, $"corrupt-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..31]));
                var state = Open(main, out _);
                MarkNeedsRebuild();
                _problem = $"The index was unreadable ({ex.GetType().Name}) and was set aside; rebuild it.";
                return state;
            }
            catch (Exception inner) when (inner is not OutOfMemoryException)
            {
                _log.LogError(inner, "Cannot create a search index at {Path}.", main);
                _problem = $"Cannot open or create the index at {main}: {inner.Message}";
                return null;
            }
        }
    }

    private IndexState Open(string path, out bool created)
    {
        System.IO.Directory.CreateDirectory(path);
        var dir = BufferedStoredFieldsDirectory.Open(path);
        IndexWriter? writer = null;
        try
        {
            created = !DirectoryReader.IndexExists(dir);
            writer = new IndexWriter(dir, new IndexWriterConfig(LuceneFields.Version, _analyzer)
            {
                OpenMode = created ? OpenMode.CREATE : OpenMode.APPEND,
                MergePolicy = LiveMergePolicy(),
            });
            if (created) writer.Commit();
            var manager = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: StatisticsCachingSearcher.Factory.Instance);
            // Touch every segment once so a damaged index is found now, not by the first visitor.
            var searcher = manager.Acquire();
            try { searcher.Search(new MatchAllDocsQuery(), 1); }
            finally { manager.Release(searcher); }
            return new IndexState(dir, writer, manager);
        }
        catch
        {
            try { writer?.Rollback(); } catch (Exception) { /* already failing */ }
            dir.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every live write commits, and every commit leaves a small segment; with Lucene's default of ten segments per tier
    /// an index that took a few thousand writes after a rebuild was searched in 25 segments, and an uncached search looks
    /// every term up in each. Four per tier left 13 after the same writes: merging small segments costs little at the
    /// portal's write rate (Benchmarks README). Segments under 16 MB count as one tier, so the many tiny ones of single writes go
    /// into one instead of climbing tiers of 2, 8 and 32 MB.
    /// </summary>
    private static TieredMergePolicy LiveMergePolicy() => new() { SegmentsPerTier = 4, MaxMergeAtOnce = 4, FloorSegmentMB = 16 };

    /// <summary>The last commit of the index at <paramref name="path"/>, for searching only; null (with the reason kept) when there is none.</summary>
    private IndexState? OpenReadOnly(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            _problem = $"There is no search index at {path} yet: start the portal once or run the reindex command.";
            return null;
        }
        var dir = BufferedStoredFieldsDirectory.Open(path);
        try
        {
            if (!DirectoryReader.IndexExists(dir))
            {
                _problem = $"There is no search index at {path} yet: start the portal once or run the reindex command.";
                dir.Dispose();
                return null;
            }
            return new IndexState(dir, null, new SearcherManager(dir, searcherFactory: null));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            dir.Dispose();
            _problem = $"The search index at {path} cannot be read ({ex.Message}); run the reindex command.";
            return null;
        }
    }

    private void EnsureOwner()
    {
        if (_owner is null) throw new SearchUnavailableException(_problem ?? "The search index is in use by another process.");
    }

    private void MarkNeedsRebuild() => File.WriteAllText(Path.Combine(_root, NeedsRebuildMarker), DateTimeOffset.UtcNow.ToString("O"));

    private IndexState State => _state ?? throw new SearchUnavailableException(_problem ?? "The search index is not available.");

    // ---------- writes ----------

    // Documents are analyzed on every core (IndexWriter is thread-safe). No token: the change may be replayed into a
    // rebuild long after the caller's token is gone.
    private static readonly ParallelOptions OnEveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default)
    {
        var docs = documents.ToList();
        Write(w => Parallel.ForEach(docs, OnEveryCore, d => w.UpdateDocument(LuceneDocuments.OpportunityKey(d.Id), LuceneDocuments.From(d))));
        return Task.CompletedTask;
    }

    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var keys = ids.Select(LuceneDocuments.OpportunityKey).ToArray();
        if (keys.Length > 0) Write(w => w.DeleteDocuments(keys));
        return Task.CompletedTask;
    }

    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default)
    {
        var docs = documents.ToList();
        Write(w => Parallel.ForEach(docs, OnEveryCore, d => w.UpdateDocument(LuceneDocuments.InvestorKey(d.Id), LuceneDocuments.From(d))));
        return Task.CompletedTask;
    }

    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var keys = ids.Select(LuceneDocuments.InvestorKey).ToArray();
        if (keys.Length > 0) Write(w => w.DeleteDocuments(keys));
        return Task.CompletedTask;
    }

    /// <summary>Applies, commits (durable before the outbox marks the message sent) and refreshes; replays into a running rebuild.</summary>
    private void Write(Action<IndexWriter> change)
    {
        _gate.EnterReadLock();
        try
        {
            var state = State;
            var writer = state.Writer ?? throw new SearchUnavailableException("This search engine was opened read-only; it cannot change the index.");
            change(writer);
            writer.Commit();
            state.Manager.MaybeRefreshBlocking();
            lock (_rebuildLock) _rebuild?.Journal.Add(change);
        }
        finally { _gate.ExitReadLock(); }
    }

    // ---------- saved searches ----------

    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default)
    {
        EnsureOwner();
        lock (_rebuildLock)
        {
            _rebuild?.SavedSearchJournal.Add((id, query));
            _percolator.Store(id, query);
        }
        return Task.CompletedTask;
    }

    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default)
    {
        EnsureOwner();
        lock (_rebuildLock)
        {
            _rebuild?.SavedSearchJournal.Add((id, null));
            _percolator.Delete(id);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default) =>
        Task.FromResult(_percolator.Percolate(document));

    // ---------- health ----------

    public Task<SearchHealth> GetHealthAsync(CancellationToken ct = default)
    {
        if (_state is null) return Task.FromResult(new SearchHealth(Name, false, true, 0, 0, _percolator.Count, _problem));
        return Task.FromResult(WithSearcher(searcher =>
        {
            int Count(string type) => searcher.Search(new TermQuery(new Term(LuceneFields.Type, type)), 1).TotalHits;
            return new SearchHealth(Name, true, NeedsRebuild, Count(LuceneFields.OpportunityType), Count(LuceneFields.InvestorType),
                _percolator.Count, NeedsRebuild ? _problem ?? "The index is new or incomplete; a rebuild from the database is needed." : null);
        }));
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        _gate.EnterReadLock();
        try
        {
            var manager = State.Manager;
            var searcher = manager.Acquire();
            try { return action(searcher); }
            finally { manager.Release(searcher); }
        }
        finally { _gate.ExitReadLock(); }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _gate.EnterWriteLock();
        try
        {
            _rebuild?.Abandon();
            _state?.Dispose();
            _state = null;
            _problem = "The search engine has been shut down.";
            _owner?.Dispose();
        }
        finally { _gate.ExitWriteLock(); }
    }

    private static void TryDeleteFolder(string path)
    {
        try { System.IO.Directory.Delete(path, recursive: true); }
        catch (IOException) { /* retried at the next start */ }
        catch (UnauthorizedAccessException) { }
    }
}
