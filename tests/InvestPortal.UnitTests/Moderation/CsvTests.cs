using System.Text;
using InvestPortal.Core.Moderation;

using Xunit;

namespace InvestPortal.UnitTests.Moderation;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+7 999", "'+7 999")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("哈尔滨", "哈尔滨")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_are_escaped_and_formulas_neutralized(string? value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public async Task The_file_starts_with_a_utf8_bom_and_uses_crlf()
    {
        using var stream = new MemoryStream();
        await Csv.WriteAsync(stream, ["a", "b"], Rows([["Хэйхэ", "=1"]]));
        var bytes = stream.ToArray();
        Assert.Equal(Csv.Bom, bytes[..3]);
        Assert.Equal("a,b\r\nХэйхэ,'=1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<string?[]> rows)
    {
        foreach (var r in rows) yield return r;
        await Task.CompletedTask;
    }
}
