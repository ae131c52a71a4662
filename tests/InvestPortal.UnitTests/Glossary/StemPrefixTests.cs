using InvestPortal.Core.Glossary;
using Xunit;

namespace InvestPortal.UnitTests.Glossary;

/// <summary>
/// Concept matching stems a word, or a joined spelling, only when it begins like some stem it looks for
/// (<see cref="StemHeads"/>). That is exact only if a stem always begins the text it was cut from — without its last
/// letter when that is i or y, which the English stemmer may have changed — checked on every word of the content
/// folder as the matcher stems it (apostrophes kept) and on every run of up to four of them written together.
/// </summary>
public class StemPrefixTests
{
    [Fact]
    public void A_stem_begins_the_word_it_came_from_but_for_a_last_i_or_y()
    {
        var words = Directory.EnumerateFiles(InvestPortal.Testing.TestPaths.Content, "*.json*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Append("Heihe's cities studies happy hopping hoped agreed flies skies ties ёлки Суйфэньхэ Сунгари-Хэ Sui Fen He")
            .Select(line => TextTokens.Words(line).Select(WordForms.Normalize).ToList())
            .ToList();
        var checkedCount = 0;
        void Check(string text)
        {
            var stem = TextTokens.Stem(text);
            Assert.True(StemHeads.MayBeStemOf(stem, text), $"'{text}' → '{stem}'");
            Assert.True(new StemHeads([stem]).MayBeStemOf(text), $"'{text}' → '{stem}' (heads)");
            checkedCount++;
        }
        foreach (var line in words)
            for (var i = 0; i < line.Count; i++)
            {
                Check(line[i]);
                var joined = "";
                for (var k = 0; k < InvestPortal.Core.Glossary.Glossary.MaxJoinedWords && i + k < line.Count; k++)
                {
                    joined += line[i + k].Replace("'", "", StringComparison.Ordinal);
                    Check(joined);
                }
            }
        Assert.True(checkedCount > 100_000, $"only {checkedCount} spellings checked");
    }

    [Fact]
    public void Heads_turn_away_words_no_stem_of_the_set_can_come_from()
    {
        var heads = new StemHeads(["timber", "e", "suppli", "лес"]);
        Assert.True(heads.MayBeStemOf("timbers"));
        Assert.True(heads.MayBeStemOf("e"));
        Assert.True(heads.MayBeStemOf("supplies"));
        Assert.True(heads.MayBeStemOf("леса"));
        Assert.False(heads.MayBeStemOf("wood"));
        Assert.False(heads.MayBeStemOf("тим"));
        Assert.False(heads.MayBeStemOf("лодка"));
    }
}
