using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace InvestPortal.Search.Lucene;

/// <summary>
/// The index folder as <see cref="FSDirectory.Open(string)"/> gives it (memory-mapped), except that stored-field data
/// (<c>.fdt</c>) is read through a plain byte buffer. Decompressing a hit's stored texts reads the file a byte at a time
/// (LZ4 tokens, lengths, offsets), and every byte read from a memory-mapped input goes through J2N's buffer checks: in a
/// profile of uncached searches, loading the page's 20 hits was 40 % of the engine's time, most of it in those reads and
/// copies. Buffered, the same bytes come from an array refilled 8 KiB at a time (one copy from the mapping).
/// </summary>
internal sealed class BufferedStoredFieldsDirectory(LuceneDirectory inner) : FilterDirectory(inner)
{
    private const int ReadBufferBytes = 8192;

    public static LuceneDirectory Open(string path) => new BufferedStoredFieldsDirectory(FSDirectory.Open(path));

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        return name.EndsWith(".fdt", StringComparison.Ordinal) ? new BufferedInput(input) : input;
    }

    /// <summary>Reads through its own buffer from a positioned clone of the mapped input.</summary>
    private sealed class BufferedInput(IndexInput mapped) : BufferedIndexInput("buffered(" + mapped + ")", ReadBufferBytes)
    {
        private IndexInput _mapped = mapped;

        public override long Length => _mapped.Length;

        // BufferedIndexInput asks for bytes at its own file pointer; the mapped input is positioned there first.
        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            _mapped.Seek(Position);
            _mapped.ReadBytes(b, offset, length);
        }

        protected override void SeekInternal(long pos)
        {
        }

        public override object Clone()
        {
            var clone = (BufferedInput)base.Clone();
            clone._mapped = (IndexInput)_mapped.Clone();
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            // Clones are never disposed by Lucene (a mapped clone holds no handle of its own); the original closes the file.
            if (disposing) _mapped.Dispose();
        }
    }
}
