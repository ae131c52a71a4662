using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// Adds a rebuild's documents to its <see cref="IndexWriter"/> from a bounded queue on one worker per core, so the
/// rebuild reads and builds the next page while this one is indexed, and a worker that stops to flush a full segment
/// buffer (about a second each, several times per 100,000 listings) holds up only itself. Indexing each page with a
/// parallel loop waited at the page's end for the one thread flushing: a profile showed one core idle for each flush.
/// Documents queued are in the index once <see cref="DrainAsync"/> returns: a delete by key, or the commit, must come
/// after it to see them. One caller adds at a time.
/// </summary>
internal sealed class RebuildIndexingQueue(IndexWriter writer)
{
    /// <summary>Documents waiting at most: a page of the rebuild, so reading runs one page ahead and no further.</summary>
    private const int Capacity = SearchIndexer.BatchSize;

    private Channel<Func<Document>>? _queue;
    private Task[] _workers = [];
    // Set by the first worker that fails (or by Abandon): the workers then empty the queue without indexing, so the
    // caller never waits on a full queue, and the failure is thrown to it.
    private volatile Exception? _failure;
    private volatile bool _abandoned;

    public async Task AddAsync<T>(IEnumerable<T> items, Func<T, Document> toDocument, CancellationToken ct)
    {
        if (_queue is null) Start();
        foreach (var item in items)
        {
            if (_failure is { } failure) throw new InvalidOperationException("Indexing a rebuild's document failed.", failure);
            await _queue!.Writer.WriteAsync(() => toDocument(item), ct);
        }
    }

    /// <summary>Waits until every queued document is in the writer; throws a worker's failure.</summary>
    public async Task DrainAsync()
    {
        if (_queue is not { } queue) return;
        _queue = null;
        queue.Writer.Complete();
        await Task.WhenAll(_workers);
        if (_failure is { } failure) throw new InvalidOperationException("Indexing a rebuild's document failed.", failure);
    }

    /// <summary>Stops the workers without indexing what is still queued (the rebuild is thrown away).</summary>
    public void Abandon()
    {
        _abandoned = true;
        _queue?.Writer.TryComplete();
        _queue = null;
        Task.WaitAll(_workers);
    }

    private void Start()
    {
        var queue = Channel.CreateBounded<Func<Document>>(new BoundedChannelOptions(Capacity) { SingleWriter = true });
        _queue = queue;
        // Threads of their own: indexing blocks, and the thread pool's threads build the next page meanwhile.
        _workers = [.. Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Factory.StartNew(() => Work(queue.Reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    private void Work(ChannelReader<Func<Document>> queue)
    {
        while (queue.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            while (queue.TryRead(out var document))
            {
                if (_abandoned || _failure is not null) continue;
                try { writer.AddDocument(document()); }
                catch (Exception ex) { _failure ??= ex; }
            }
    }
}
