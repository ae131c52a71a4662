using System.Text;
using InvestPortal.Search.Lucene;
using InvestPortal.Testing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// The index reads stored texts through <see cref="BufferedStoredFieldsDirectory"/>: every text a search shows must come
/// back byte for byte, small or larger than the read buffer, read by many threads at once, before and after a merge.
/// </summary>
public sealed class BufferedStoredFieldsDirectoryTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder("buffered-stored-fields");

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Stored_texts_of_every_size_come_back_intact_from_many_threads_before_and_after_a_merge()
    {
        var expected = Enumerable.Range(0, 600).Select(Text).ToList();
        using var directory = BufferedStoredFieldsDirectory.Open(_folder);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
        {
            for (var i = 0; i < expected.Count; i++)
            {
                writer.AddDocument([new StoredField("n", i), new StoredField("text", expected[i])]);
                if (i % 100 == 99) writer.Commit(); // several segments
            }
        }
        AssertAllReadBack(directory, expected, segmentsAtLeast: 2);

        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneFields.Version, new KeywordAnalyzer())))
            writer.ForceMerge(1);
        AssertAllReadBack(directory, expected, segmentsAtLeast: 1);
    }

    private static void AssertAllReadBack(Lucene.Net.Store.Directory directory, List<string> expected, int segmentsAtLeast)
    {
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= segmentsAtLeast);
        var wrong = 0;
        // Random order from 8 threads: each thread reads through its own clone of the stored-fields input.
        Parallel.For(0, 8, thread =>
        {
            var random = new Random(thread);
            for (var n = 0; n < 2_000; n++)
            {
                var doc = random.Next(reader.MaxDoc);
                var stored = reader.Document(doc);
                var number = stored.GetField("n").GetInt32Value() ?? -1;
                if (stored.Get("text") != expected[number]) Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }

    /// <summary>Mixed Chinese, Russian and English text from a few bytes to about 40 KB (the read buffer is 8 KiB).</summary>
    private static string Text(int i)
    {
        var words = new[] { "木材加工", "лесопильный завод", "soybean crushing", "黑河口岸", "Благовещенск", "cold-chain warehouse" };
        var text = new StringBuilder($"#{i} ");
        var random = new Random(i);
        var length = i % 50 == 0 ? 40_000 : random.Next(0, 3_000);
        while (text.Length < length) text.Append(words[random.Next(words.Length)]).Append(' ').Append(random.Next());
        return text.ToString();
    }
}
