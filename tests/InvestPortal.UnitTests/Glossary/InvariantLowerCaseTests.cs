using System.Text;
using InvestPortal.Core.Glossary;
using Xunit;

namespace InvestPortal.UnitTests.Glossary;

/// <summary>
/// The glossary and the search analyzers lower-case through <see cref="InvariantLowerCase"/>; the concepts a listing
/// gets must not change with it, so it must agree with .NET's invariant lower case on every character there is.
/// </summary>
public sealed class InvariantLowerCaseTests
{
    [Fact]
    public void Every_BMP_character_is_lower_cased_as_char_ToLowerInvariant_does_it()
    {
        var wrong = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c))
            .Where(c => InvariantLowerCase.Of(c) != char.ToLowerInvariant(c)).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_code_point_in_a_string_is_lower_cased_as_string_ToLowerInvariant_does_it()
    {
        var differences = new List<string>();
        var codePoints = Enumerable.Range(0, 0x110000).Where(cp => cp is < 0xD800 or > 0xDFFF).ToList();
        foreach (var chunk in codePoints.Chunk(1024))
        {
            var text = new StringBuilder();
            foreach (var cp in chunk) text.Append(char.ConvertFromUtf32(cp));
            var input = text.ToString();
            var expected = input.ToLowerInvariant();
            if (!string.Equals(InvariantLowerCase.Of(input), expected, StringComparison.Ordinal)) differences.Add($"U+{chunk[0]:X4}..U+{chunk[^1]:X4}");
        }
        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("Лесопильный ЗАВОД", "лесопильный завод")]
    [InlineData("HEIHE 黑河 Port", "heihe 黑河 port")]
    [InlineData("𐐀 Deseret", "𐐨 deseret")]
    public void Words_come_out_in_lower_case(string text, string expected) => Assert.Equal(expected, InvariantLowerCase.Of(text));

    [Fact]
    public void A_string_already_in_lower_case_is_returned_as_it_is()
    {
        var text = "древесина и соя";
        Assert.Same(text, InvariantLowerCase.Of(text));
    }
}
