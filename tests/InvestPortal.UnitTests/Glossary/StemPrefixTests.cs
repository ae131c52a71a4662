using InvestPortal.Core.Glossary;
using Xunit;

namespace InvestPortal.UnitTests.Glossary;

/// <summary>
/// Concept matching skips stemming a joined spelling unless it begins like some compact key (Glossary._compactHeads).
/// That is exact only if a stem, without its last letter, always begins the text it was cut from — checked on every
/// word of the content folder and on every run of up to four of them written together, as the matcher joins them.
/// </summary>
public class StemPrefixTests
{
    [Fact]
    public void A_stem_without_its_last_letter_begins_the_word_it_came_from()
    {
        var words = Directory.EnumerateFiles(InvestPortal.Testing.TestPaths.Content, "*.json*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Append("Heihe's cities studies happy hopping hoped agreed ёлки Суйфэньхэ Сунгари-Хэ Sui Fen He")
            .Select(line => TextTokens.Words(line).Select(WordForms.Normalize).Select(w => w.Replace("'", "", StringComparison.Ordinal)).ToList())
            .ToList();
        var checkedCount = 0;
        foreach (var line in words)
            for (var i = 0; i < line.Count; i++)
            {
                var joined = "";
                for (var k = 0; k < InvestPortal.Core.Glossary.Glossary.MaxJoinedWords && i + k < line.Count; k++)
                {
                    joined += line[i + k];
                    var stem = TextTokens.Stem(joined);
                    Assert.True(stem.Length == 0 || joined.StartsWith(stem[..^1], StringComparison.Ordinal), $"'{joined}' → '{stem}'");
                    checkedCount++;
                }
            }
        Assert.True(checkedCount > 100_000, $"only {checkedCount} spellings checked");
    }
}
