using InvestPortal.Core.Glossary;
using InvestPortal.Testing;
using Xunit;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.UnitTests.Glossary;

public class GlossaryTests
{
    private static readonly GlossaryModel Small = GlossaryModel.Parse(new StringReader("""
        {"id":"timber","sector":"forestry-timber","zh":["木材","原木"],"ru":["древесина","лесоматериалы"],"en":["timber","lumber","logs"]}
        {"id":"wood-processing","sector":"forestry-timber","zh":["木材加工"],"ru":["деревообработка"],"en":["wood processing"]}
        {"id":"joint-venture","zh":["合资"],"ru":["совместное предприятие"],"en":["joint venture"]}
        {"id":"venture-capital","zh":["风险投资"],"ru":["венчурный капитал"],"en":["venture capital"]}
        {"id":"port","zh":["港口"],"ru":["порт"],"en":["port"]}
        """), "test");

    [Theory]
    [InlineData("древесина", "timber")]
    [InlineData("поставки древесины из Амурской области", "timber")]
    [InlineData("Лесоматериалов", "timber")]
    [InlineData("sawn lumber and logs", "timber")]
    [InlineData("黑河原木进口", "timber")]
    [InlineData("建设合资企业", "joint-venture")]
    [InlineData("создание совместного предприятия", "joint-venture")]
    [InlineData("two joint ventures", "joint-venture")]
    [InlineData("venture capital fund", "venture-capital")]
    public void Finds_concepts_in_any_language_and_inflection(string text, string concept) =>
        Assert.Contains(concept, Small.ConceptsIn(text));

    [Fact]
    public void Chinese_matching_takes_the_longest_term()
    {
        Assert.Equal(["wood-processing"], Small.ConceptsIn("木材加工园区"));
        Assert.Equal(["timber", "port"], Small.ConceptsIn("木材运往港口"));
    }

    [Fact]
    public void Phrases_must_be_complete_and_words_whole()
    {
        Assert.Empty(Small.ConceptsIn("joint"));
        Assert.Empty(Small.ConceptsIn("venture"));
        Assert.Empty(Small.ConceptsIn("passport sports"));
        Assert.Empty(Small.ConceptsIn(""));
        Assert.Empty(Small.ConceptsIn((string?)null));
    }

    [Fact]
    public void Several_texts_give_each_concept_once_in_order_of_appearance() =>
        Assert.Equal(["port", "timber"], Small.ConceptsIn("port", "木材", "timber port"));

    [Fact]
    public void Bad_files_are_reported_with_their_line()
    {
        var dup = Assert.Throws<InvalidDataException>(() => GlossaryModel.Parse(new StringReader("{\"id\":\"a\",\"en\":[\"x\"]}\n{\"id\":\"a\",\"en\":[\"y\"]}")));
        Assert.Contains("'a'", dup.Message, StringComparison.Ordinal);
        var broken = Assert.Throws<InvalidDataException>(() => GlossaryModel.Parse(new StringReader("{\"id\":\"a\",\"en\":[\"x\"]}\n{nope")));
        Assert.Contains("line 2", broken.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<InvalidDataException>(() => GlossaryModel.Parse(new StringReader("{\"id\":\"a\"}")));
        Assert.Contains("no terms", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_glossary_loads_and_bridges_the_three_languages()
    {
        var glossary = GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl"));
        Assert.True(glossary.Count >= 300, $"only {glossary.Count} concepts");
        foreach (var c in glossary.Concepts)
            Assert.True(c.Zh.Count > 0 && c.Ru.Count > 0 && c.En.Count > 0, $"concept {c.Id} lacks a language");
        var zh = glossary.ConceptsIn("木材");
        Assert.NotEmpty(zh);
        Assert.Contains(zh[0], glossary.ConceptsIn("древесина"));
        Assert.Contains(zh[0], glossary.ConceptsIn("timber"));
        Assert.Contains(glossary.ConceptsIn("大豆")[0], glossary.ConceptsIn("соевые бобы"));
    }
}
