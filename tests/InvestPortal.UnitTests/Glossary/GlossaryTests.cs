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
        Assert.True(glossary.Count >= 1000, $"only {glossary.Count} concepts");
        foreach (var c in glossary.Concepts)
            Assert.True(c.Zh.Count > 0 && c.Ru.Count > 0 && c.En.Count > 0, $"concept {c.Id} lacks a language");
        var zh = glossary.ConceptsIn("木材");
        Assert.NotEmpty(zh);
        Assert.Contains(zh[0], glossary.ConceptsIn("древесина"));
        Assert.Contains(zh[0], glossary.ConceptsIn("timber"));
        Assert.Contains(glossary.ConceptsIn("大豆")[0], glossary.ConceptsIn("соевые бобы"));
    }

    private static readonly GlossaryModel Real = GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl"));

    [Theory]
    [InlineData("медь", "copper", "honey")]
    [InlineData("добыча меди в Забайкалье", "copper", "honey")]
    [InlineData("катанка из меди", "copper", "honey")]
    [InlineData("медью", "copper", "honey")]
    [InlineData("мёд", "honey", "copper")]
    [InlineData("мед", "honey", "copper")]
    [InlineData("экспорт мёда в Китай", "honey", "copper")]
    [InlineData("меда", "honey", "copper")]
    [InlineData("торговля медом", "honey", "copper")]
    [InlineData("графит", "graphite", "graphene")]
    [InlineData("месторождение графита", "graphite", "graphene")]
    [InlineData("графен", "graphene", "graphite")]
    [InlineData("производство графена", "graphene", "graphite")]
    public void Short_or_shared_russian_stems_need_a_known_word_form(string text, string concept, string rival)
    {
        var found = Real.ConceptsIn(text);
        Assert.Contains(concept, found);
        Assert.DoesNotContain(rival, found);
    }

    [Fact]
    public void Colliding_stems_do_not_cross_concepts()
    {
        Assert.Equal(RussianStemmer.Stem("медь"), RussianStemmer.Stem("мёд")); // why the rule exists
        Assert.Equal(RussianStemmer.Stem("графит"), RussianStemmer.Stem("графен"));
        Assert.DoesNotContain("honey", Real.ConceptsIn("медь меди медью"));
        Assert.DoesNotContain("copper", Real.ConceptsIn("мёд мёда медом"));
        Assert.DoesNotContain("graphene", Real.ConceptsIn("графит графита графитом"));
        Assert.DoesNotContain("graphite", Real.ConceptsIn("графен графена"));
        // Words that merely stem like a short term are not it: медик, граф (count), мода.
        Assert.Empty(Real.ConceptsIn("медик граф"));
    }

    [Fact]
    public void Longer_stems_still_match_any_inflection() =>
        Assert.Contains("timber", Real.ConceptsIn("поставки древесиной"));

    /// <summary>
    /// Over the whole shipped glossary: every Russian and English term, and every known form of a term matched by
    /// forms, finds its own concept and no other — unless the other concept lists the same words (an intended overlap).
    /// </summary>
    [Fact]
    public void No_term_or_known_form_of_the_real_glossary_finds_another_concept()
    {
        var written = Real.Concepts
            .SelectMany(c => c.Ru.Concat(c.En).Select(t => (Key: string.Join(' ', TextTokens.Words(t).Select(WordForms.Normalize)), c.Id)))
            .ToLookup(x => x.Key, x => x.Id);
        bool Intended(string text, string other) => written[string.Join(' ', TextTokens.Words(text).Select(WordForms.Normalize))].Contains(other);
        var problems = new List<string>();
        foreach (var c in Real.Concepts)
            foreach (var term in c.Ru.Concat(c.En))
            {
                var words = TextTokens.Words(term).ToArray();
                var texts = new List<string> { term };
                if (words.Length == 1) texts.AddRange(WordForms.Of(words[0]));
                foreach (var text in texts)
                {
                    var found = Real.ConceptsIn(text);
                    if (text == term && !found.Contains(c.Id)) problems.Add($"'{term}' does not find {c.Id}");
                    foreach (var other in found.Where(o => o != c.Id && !Intended(text, o)))
                        problems.Add($"'{text}' ({c.Id}) also finds {other}");
                }
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(80)) + $"\n({problems.Distinct().Count()} in all)");
    }

    [Theory]
    [InlineData("Суйфэнь-хэ", "suifenhe")]
    [InlineData("Суйфэнь хэ", "suifenhe")]
    [InlineData("Sui Fen He", "suifenhe")]
    [InlineData("suifen-he", "suifenhe")]
    [InlineData("绥芬 河", "suifenhe")]
    [InlineData("Хэй-хэ", "heihe")]
    [InlineData("Bei An", "beian")]
    [InlineData("Bei'an", "beian")]
    [InlineData("Beian", "beian")]
    [InlineData("Da Xing An Ling", "da-hinggan-ling")]
    [InlineData("Wu Da Lian Chi", "wudalianchi")]
    public void Spellings_that_differ_by_hyphens_spaces_or_apostrophes_find_the_same_place(string text, string concept) =>
        Assert.Contains(concept, Real.ConceptsIn(text));

    [Theory]
    [InlineData("Суйфыньхэ", "suifenhe")]
    [InlineData("Суйфеньхе", "suifenhe")]
    [InlineData("Хейхе", "heihe")]
    [InlineData("Бейань", "beian")]
    [InlineData("Шуаньяшань", "shuangyashan")]
    [InlineData("Муданцзян", "mudanjiang")]
    [InlineData("Хейлунцзян", "heilongjiang-province")]
    [InlineData("в Нэхэ", "nehe")]
    [InlineData("поставки из Линьдяня", "lindian")]
    public void Palladius_and_everyday_russian_spellings_find_the_place(string text, string concept) =>
        Assert.Contains(concept, Real.ConceptsIn(text));

    [Fact]
    public void Short_joined_spellings_are_not_looked_up()
    {
        Assert.Contains("anda", Real.ConceptsIn("Anda"));
        Assert.DoesNotContain("anda", Real.ConceptsIn("an da"));
    }

    [Theory]
    [InlineData("海兰泡", "blagoveshchensk")]
    [InlineData("伯力", "khabarovsk")]
    [InlineData("海参崴", "vladivostok")]
    [InlineData("双城子", "ussuriysk")]
    [InlineData("庙街", "nikolayevsk-on-amur")]
    [InlineData("尼布楚", "nerchinsk")]
    [InlineData("饶河口岸", "crossing-raohe-pokrovka")]
    [InlineData("пункт пропуска Покровка", "crossing-raohe-pokrovka")]
    [InlineData("пункт пропуска Жаохэ — Покровка", "crossing-raohe-pokrovka")]
    [InlineData("当壁口岸", "crossing-mishan-turiy-rog")]
    [InlineData("МАПП Турий Рог", "crossing-mishan-turiy-rog")]
    [InlineData("xunke port of entry", "crossing-xunke-poyarkovo")]
    [InlineData("Джалинда", "dzhalinda")]
    public void Border_crossings_and_historical_chinese_names_of_russian_towns_are_found(string text, string concept) =>
        Assert.Contains(concept, Real.ConceptsIn(text));

    /// <summary>content/sources/heilongjiang-places.tsv lists the 13 prefecture-level and 121 county-level divisions.</summary>
    [Fact]
    public void Every_county_level_division_of_heilongjiang_is_a_concept_in_three_languages()
    {
        var rows = File.ReadAllLines(Path.Combine(TestPaths.Content, "sources", "heilongjiang-places.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.Equal(13, rows.Count(r => r[2] == "prefecture"));
        var counties = rows.Where(r => r[2] is "district" or "city" or "county" || r[0] == "jiaoqu-jiamusi").ToList();
        Assert.Equal(121, counties.Count);
        foreach (var r in rows)
        {
            var concept = Real.Find(r[0]);
            Assert.True(concept is { Zh.Count: > 0, Ru.Count: > 0, En.Count: > 0 }, $"{r[0]} is missing or lacks a language");
            foreach (var term in concept!.Zh.Concat(concept.Ru).Concat(concept.En))
                Assert.Contains(r[0], Real.ConceptsIn(term));
        }
    }
}
