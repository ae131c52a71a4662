using System.Buffers;
using System.Text.Unicode;

namespace InvestPortal.Core.Import;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding the whole file, so an import's memory does not grow with the
/// file. Each line is checked to be valid UTF-8 on its own: a decoder would silently turn a bad byte into U+FFFD
/// and the listing would be stored with it, so such a line is reported instead, with its number.
/// A leading byte order mark is skipped; "\r\n" and "\n" both end a line.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>Longest accepted line: three languages of the longest texts fit many times over; beyond it the file is not JSON Lines.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    /// <summary>The lines of <paramref name="stream"/>; the memory of each line is only valid until the next one is read.</summary>
    public static IEnumerable<RawLine> Read(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int start = 0, end = 0, number = 0;
            var first = true;
            var eof = false;
            var skipping = false; // inside a line that is too long: drop bytes until its end
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0 && !eof)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.Length)
                    {
                        if (buffer.Length >= MaxLineBytes)
                        {
                            // Keep nothing of the long line; report it once its end is found.
                            skipping = true;
                            end = 0;
                        }
                        else
                        {
                            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }
                    }
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0) eof = true;
                    end += read;
                    continue;
                }
                var lineEnd = newline < 0 ? end : newline;
                if (newline < 0 && start == end && !skipping) yield break;
                number++;
                var line = new ReadOnlyMemory<byte>(buffer, start, lineEnd - start);
                if (first)
                {
                    first = false;
                    if (line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
                }
                if (line.Length > 0 && line.Span[^1] == (byte)'\r') line = line[..^1];
                if (skipping)
                {
                    skipping = false;
                    yield return new RawLine(number, ReadOnlyMemory<byte>.Empty, $"is longer than {MaxLineBytes / (1024 * 1024)} MiB.");
                }
                else if (!Utf8.IsValid(line.Span))
                    yield return new RawLine(number, ReadOnlyMemory<byte>.Empty, $"is not valid UTF-8 (byte {InvalidAt(line.Span) + 1} of the line); save the file as UTF-8.");
                else
                    yield return new RawLine(number, line, null);
                if (newline < 0) yield break;
                start = newline + 1;
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private static int InvalidAt(ReadOnlySpan<byte> line)
    {
        // The longest valid prefix: Utf8.ToUtf16 stops at the first invalid sequence when replacement is off.
        var chars = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            Utf8.ToUtf16(line, chars, out var read, out _, replaceInvalidSequences: false);
            return read;
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }
}
