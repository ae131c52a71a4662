using System.Text;
using InvestPortal.Search.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Xunit;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// The index's analyzers lower-case with <see cref="FastLowerCaseFilter"/> instead of Lucene's <c>LowerCaseFilter</c>;
/// an index written by either must hold the same terms, so the two must agree on every character there is.
/// </summary>
public sealed class FastLowerCaseFilterTests
{
    [Fact]
    public void Every_unicode_code_point_is_lower_cased_as_Lucene_does_it()
    {
        var codePoints = Enumerable.Range(0, 0x110000).Where(cp => cp is < 0xD800 or > 0xDFFF).ToList();
        var differences = new List<string>();
        foreach (var chunk in codePoints.Chunk(2048))
        {
            var text = new StringBuilder();
            foreach (var cp in chunk) text.Append(char.ConvertFromUtf32(cp));
            var input = text.ToString();
            var lucene = Single(input, reader => new LowerCaseFilter(LuceneFields.Version, new KeywordTokenizer(reader)));
            var fast = Single(input, reader => new FastLowerCaseFilter(new KeywordTokenizer(reader)));
            if (lucene != fast) differences.Add($"U+{chunk[0]:X4}..U+{chunk[^1]:X4}");
        }
        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("ДЕРЕВООБРАБОТКА Ёлка", "деревообработка ёлка")]
    [InlineData("HEIHE Port", "heihe port")]
    [InlineData("ΣΊΣΥΦΟΣ 𐐀𐐁", "σίσυφοσ 𐐨𐐩")]
    public void Words_come_out_in_lower_case(string text, string expected) =>
        Assert.Equal(expected, Single(text, reader => new FastLowerCaseFilter(new KeywordTokenizer(reader))));

    private static string Single(string text, Func<TextReader, TokenStream> chain)
    {
        using var stream = chain(new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        var result = term.ToString();
        stream.End();
        return result;
    }
}
