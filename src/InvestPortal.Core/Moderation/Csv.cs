using System.Text;

namespace InvestPortal.Core.Moderation;

/// <summary>
/// RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Chinese and Russian as
/// mojibake), CRLF line ends, quotes only where needed, and cells that a spreadsheet would run as a formula
/// (starting with = + - @, or a tab/CR that hides one) prefixed with an apostrophe (OWASP "CSV injection").
/// </summary>
public static class Csv
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        var quote = text.AsSpan().IndexOfAny("\",\r\n") >= 0 || text.StartsWith(' ') || text.EndsWith(' ');
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Row(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";

    /// <summary>Writes the header and rows as UTF-8 with BOM.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken ct = default)
    {
        await output.WriteAsync(Bom, ct);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await using var writer = new StreamWriter(output, utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Row(header));
        await foreach (var row in rows.WithCancellation(ct)) await writer.WriteAsync(Row(row));
        await writer.FlushAsync(ct);
    }
}
