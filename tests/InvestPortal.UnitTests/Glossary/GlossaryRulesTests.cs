using InvestPortal.Core.Glossary;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;
using Xunit;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.UnitTests.Glossary;

public class GlossaryRulesTests
{
    private static readonly GlossaryModel Real = GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl"));
    private static readonly string[] Sectors =
        [.. PortalTaxonomy.Load(Path.Combine(TestPaths.Content, "taxonomy.json")).Sectors.Select(s => s.Code)];

    private static GlossaryConcept Draft(string id = "schisandra", string? sector = "health-pharma",
        string[]? zh = null, string[]? ru = null, string[]? en = null) =>
        new(id, sector, zh ?? ["五味子"], ru ?? ["лимонник китайский"], en ?? ["schisandra"]);

    private static List<string> Codes(GlossaryConcept draft, string? originalId = null) =>
        GlossaryRules.Validate(draft, Real.Concepts, originalId, Sectors).Select(p => $"{p.Field}:{p.Code}").ToList();

    [Fact]
    public void Every_shipped_concept_can_be_saved_unchanged()
    {
        // Otherwise an admin could not fix one term of a seeded concept without fighting rules it never met.
        var failing = Real.Concepts
            .Select(c => (c.Id, Problems: GlossaryRules.Validate(c, Real.Concepts, c.Id, Sectors)))
            .Where(x => x.Problems.Count > 0)
            .Select(x => $"{x.Id}: {string.Join(", ", x.Problems.Select(p => $"{p.Code}({string.Join("/", p.Args)})"))}")
            .ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    [Fact]
    public void A_new_sound_concept_has_no_problems() => Assert.Empty(Codes(Draft()));

    [Theory]
    [InlineData("Schisandra")]
    [InlineData("schisandra_chinensis")]
    [InlineData("-schisandra")]
    [InlineData("schisandra--chinensis")]
    [InlineData("五味子")]
    [InlineData("limonnik ")]
    public void Ids_are_lowercase_ascii_words_joined_by_hyphens(string id) => Assert.Contains("Id:IdInvalid", Codes(Draft(id)));

    [Fact]
    public void Ids_are_unique_when_adding_but_kept_when_editing()
    {
        Assert.Contains("Id:IdTaken", Codes(Draft("timber", zh: ["五味子"])));
        Assert.DoesNotContain("Id:IdTaken", Codes(Real.Find("timber")!, "timber"));
        Assert.Contains("Id:IdRequired", Codes(Draft("")));
    }

    [Fact]
    public void Each_language_needs_a_term_and_chinese_terms_two_characters()
    {
        var codes = Codes(Draft(zh: [], ru: [], en: []));
        Assert.Equal(["Zh:TermsRequired", "Ru:TermsRequired", "En:TermsRequired"], codes);
        Assert.Equal(["Zh:ZhTooShort"], Codes(Draft(zh: ["药"])));
        Assert.Equal(["En:TermNoLetter"], Codes(Draft(en: ["schisandra", "1234"])));
        Assert.Equal(["Ru:TermTooLong"], Codes(Draft(ru: [new string('я', GlossaryRules.MaxTermLength + 1)])));
    }

    [Fact]
    public void Unknown_sectors_are_refused_and_no_sector_is_allowed()
    {
        Assert.Equal(["Sector:SectorUnknown"], Codes(Draft(sector: "space-travel")));
        Assert.Empty(Codes(Draft(sector: null)));
    }

    [Fact]
    public void A_term_of_another_concept_is_refused_naming_that_concept_ignoring_case_and_spaces()
    {
        var problems = GlossaryRules.Validate(Draft(ru: ["лимонник", "Пиломатериалы"], zh: ["五味子", "锯 材"], en: ["Sawnwood"]),
            Real.Concepts, null, Sectors);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal("TermTaken", p.Code));
        Assert.Contains(problems, p => p.Field == "Ru" && p.Args.SequenceEqual(["Пиломатериалы", "sawn-timber"]));
        Assert.Contains(problems, p => p.Field == "Zh" && p.Args.SequenceEqual(["锯 材", "sawn-timber"]));
        Assert.Contains(problems, p => p.Field == "En" && p.Args.SequenceEqual(["Sawnwood", "sawn-timber"]));
    }

    [Fact]
    public void A_concept_may_keep_its_own_terms_when_edited()
    {
        var timber = Real.Find("sawn-timber")!;
        var edited = timber with { Ru = [.. timber.Ru, "пиломатериал"] };
        Assert.Empty(GlossaryRules.Validate(edited, Real.Concepts, "sawn-timber", Sectors));
    }

    [Theory]
    [InlineData("лимонник, лимонник китайский, Лимонник", new[] { "лимонник", "лимонник китайский" })]
    [InlineData("«Один пояс, один путь»\nинициатива «Пояс и путь»", new[] { "«Один пояс, один путь»", "инициатива «Пояс и путь»" })]
    [InlineData("五味子，北五味子、 南五味子 ;", new[] { "五味子", "北五味子", "南五味子" })]
    [InlineData("  schisandra   berry \r\n\r\n", new[] { "schisandra berry" })]
    [InlineData("", new string[0])]
    public void Terms_are_split_by_lines_and_commas_trimmed_and_kept_once(string typed, string[] expected) =>
        Assert.Equal(expected, GlossaryRules.SplitTerms(typed));

    [Fact]
    public void Joined_terms_split_back_to_the_same_list()
    {
        foreach (var c in Real.Concepts)
            foreach (var culture in new[] { "zh", "ru", "en" })
                Assert.Equal(c.Terms(culture), GlossaryRules.SplitTerms(GlossaryRules.JoinTerms(c.Terms(culture))));
    }
}
