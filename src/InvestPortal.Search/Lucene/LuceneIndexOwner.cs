namespace InvestPortal.Search.Lucene;

/// <summary>
/// The one process that may open a Lucene index folder: it holds <c>owner.lock</c> in the folder (an exclusive OS file
/// lock, released by the OS when the process dies) for as long as its engine lives. Another process — the `reindex`
/// command while the server runs — sees the lock and must not touch the folder: rebuilding there would swap folders
/// under the server's open IndexWriter, and opening it would fail on Lucene's write.lock and look like corruption.
/// </summary>
internal sealed class LuceneIndexOwner : IDisposable
{
    public const string FileName = "owner.lock";

    private readonly FileStream _stream;

    private LuceneIndexOwner(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another engine (in this or another process) holds it.</summary>
    public static LuceneIndexOwner? TryAcquire(string root)
    {
        Directory.CreateDirectory(root);
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: either way, one holder.
            var stream = new FileStream(Path.Combine(root, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true)) writer.Write($"{Environment.ProcessId} {DateTimeOffset.UtcNow:O}");
            stream.Flush(flushToDisk: false);
            return new LuceneIndexOwner(stream);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Whether an engine holds the index at <paramref name="root"/> right now (a running server, typically).</summary>
    public static bool IsHeld(string root)
    {
        if (!Directory.Exists(root)) return false;
        using var owner = TryAcquire(root);
        return owner is null;
    }

    /// <summary>What the holder wrote: "pid started-at", for messages.</summary>
    public static string? Holder(string root)
    {
        try
        {
            using var s = new FileStream(Path.Combine(root, FileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var r = new StreamReader(s);
            return r.ReadToEnd().Trim();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Dispose() => _stream.Dispose();
}
