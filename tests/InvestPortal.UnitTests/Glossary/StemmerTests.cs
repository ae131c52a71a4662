using InvestPortal.Core.Glossary;
using Xunit;

namespace InvestPortal.UnitTests.Glossary;

public class StemmerTests
{
    [Theory]
    [InlineData("древесина", "древесин")]
    [InlineData("древесины", "древесин")]
    [InlineData("древесиной", "древесин")]
    [InlineData("лесоматериалы", "лесоматериал")]
    [InlineData("лесоматериалов", "лесоматериал")]
    [InlineData("переработка", "переработк")]
    [InlineData("переработки", "переработк")]
    [InlineData("логистический", "логистическ")]
    [InlineData("логистического", "логистическ")]
    [InlineData("инвестиции", "инвестиц")]
    [InlineData("инвестиций", "инвестиц")]
    [InlineData("совместное", "совместн")]
    [InlineData("совместного", "совместн")]
    [InlineData("предприятие", "предприят")]
    [InlineData("предприятия", "предприят")]
    [InlineData("ёлка", "елк")]
    [InlineData("ГЧП", "гчп")]
    public void Russian_stemmer_follows_snowball(string word, string stem) => Assert.Equal(stem, RussianStemmer.Stem(word));

    [Theory]
    [InlineData("строительство", "строительств")]
    [InlineData("красивейший", "красив")]
    [InlineData("росписью", "роспис")]
    [InlineData("важнейшие", "важн")]
    public void Russian_stemmer_handles_superlatives_and_soft_sign(string word, string stem) => Assert.Equal(stem, RussianStemmer.Stem(word));

    [Theory]
    [InlineData("logs", "log")]
    [InlineData("log", "log")]
    [InlineData("processing", "process")]
    [InlineData("processed", "process")]
    [InlineData("processes", "process")]
    [InlineData("supplies", "suppli")]
    [InlineData("supply", "suppli")]
    [InlineData("shipping", "ship")]
    [InlineData("manufacturing", "manufactur")]
    [InlineData("manufacture", "manufactur")]
    [InlineData("boxes", "box")]
    [InlineData("gas", "gas")]
    [InlineData("bus", "bus")]
    [InlineData("analysis", "analysis")]
    [InlineData("timber", "timber")]
    [InlineData("feed", "feed")]
    [InlineData("string", "string")]
    [InlineData("Harbin's", "harbin")]
    public void English_stemmer_is_light_and_consistent(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Fact]
    public void Words_are_split_by_script_and_stemmed_by_it()
    {
        Assert.Equal(["древесин", "timber", "2026"], TextTokens.Stems("Древесина — TIMBER, 2026!").ToArray());
        Assert.Equal(["lng", "terminal"], TextTokens.Stems("LNG接收站 terminal").ToArray());
    }
}
