using InvestPortal.Search.Lucene;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// A rebuild's documents are indexed by workers behind a queue: whatever was queued must be in the index once the queue
/// is drained (a delete by key after it must find them), and a document that fails must fail the rebuild, not hang it.
/// </summary>
public sealed class RebuildIndexingQueueTests
{
    private static Document Doc(int i) => [new StringField("id", $"d{i}", Field.Store.YES)];

    [Fact]
    public async Task Everything_queued_is_in_the_writer_after_draining_and_a_delete_then_finds_it()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer()));
        var queue = new RebuildIndexingQueue(writer);
        await queue.AddAsync(Enumerable.Range(0, 3_000), Doc, CancellationToken.None);
        await queue.AddAsync(Enumerable.Range(3_000, 7), Doc, CancellationToken.None);
        await queue.DrainAsync();
        writer.DeleteDocuments(new Term("id", "d3006"));
        // Queued again after a drain: the queue starts anew.
        await queue.AddAsync(Enumerable.Range(5_000, 10), Doc, CancellationToken.None);
        await queue.DrainAsync();
        writer.Commit();

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(3_016, reader.NumDocs);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        Assert.Equal(0, searcher.Search(new Lucene.Net.Search.TermQuery(new Term("id", "d3006")), 1).TotalHits);
        Assert.Equal(1, searcher.Search(new Lucene.Net.Search.TermQuery(new Term("id", "d5009")), 1).TotalHits);
    }

    [Fact]
    public async Task A_document_that_cannot_be_built_fails_the_rebuild_instead_of_hanging_it()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer()));
        var queue = new RebuildIndexingQueue(writer);
        Document Failing(int i) => i == 700 ? throw new FormatException("bad listing") : Doc(i);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await queue.AddAsync(Enumerable.Range(0, 5_000), Failing, CancellationToken.None);
            await queue.DrainAsync();
        });
        Assert.IsType<FormatException>(failure.InnerException);
    }

    [Fact]
    public async Task Abandoning_a_full_queue_stops_its_workers()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer()));
        var queue = new RebuildIndexingQueue(writer);
        var slow = new SemaphoreSlim(0);
        Document Slow(int i) { slow.Wait(TimeSpan.FromMilliseconds(2)); return Doc(i); }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.AddAsync(Enumerable.Range(0, 100_000), Slow, cancel.Token));

        var abandoned = Task.Run(queue.Abandon);
        Assert.Same(abandoned, await Task.WhenAny(abandoned, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True(writer.NumDocs < 100_000);
    }
}
