using System.Text;
using InvestPortal.Core.Import;
using Xunit;

namespace InvestPortal.UnitTests.Import;

public sealed class JsonLinesReaderTests
{
    private static List<(int Number, string? Text, string? Problem)> ReadAll(byte[] bytes) =>
        JsonLinesReader.Read(new MemoryStream(bytes))
            .Select(l => (l.Number, l.Problem is null ? Encoding.UTF8.GetString(l.Utf8.Span) : null, l.Problem)).ToList();

    [Fact]
    public void Lines_keep_their_numbers_across_long_lines_crlf_and_a_byte_order_mark()
    {
        var longLine = new string('я', 100_000); // 200 KB: several buffer refills
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"first\r\n{longLine}\n\nlast")).ToArray();

        var lines = ReadAll(bytes);

        Assert.Equal([(1, "first", null), (2, longLine, null), (3, "", null), (4, "last", null)], lines);
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_reported_with_its_number_instead_of_being_decoded_to_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\":\"ok\"}\n{\"a\":\"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}\n{\"a\":\"哈尔滨\"}\n")).ToArray();

        var lines = ReadAll(bytes);

        Assert.Equal(3, lines.Count);
        Assert.Null(lines[0].Problem);
        Assert.Equal(2, lines[1].Number);
        Assert.Contains("not valid UTF-8 (byte 7 of the line)", lines[1].Problem, StringComparison.Ordinal);
        Assert.Equal((3, "{\"a\":\"哈尔滨\"}", (string?)null), lines[2]);
    }
}
