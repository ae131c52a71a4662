using InvestPortal.Web.Demand;

namespace InvestPortal.IntegrationTests.Demand;

/// <summary>The key under which zero-result searches are summed: the same words meet, and nothing in it points at a person.</summary>
public sealed class DemandTextTests
{
    [Theory]
    [InlineData("  Соевые   БОБЫ ", "соевые бобы")]
    [InlineData("ＬＮＧ　ｔｅｒｍｉｎａｌ", "lng terminal")] // full-width letters and the ideographic space typed by a Chinese IME
    [InlineData("木材\t加工", "木材 加工")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Case_width_and_spacing_do_not_split_one_search_into_several(string? typed, string expected) =>
        Assert.Equal(expected, DemandText.Normalize(typed));

    [Theory]
    [InlineData("ivan.petrov@mail.ru лес", "лес")]
    [InlineData("https://example.ru/about тимбер", "тимбер")]
    [InlineData("звоните +7 914 555-12-34 пиломатериалы", "звоните пиломатериалы")]
    [InlineData("+7 (914) 555 12 34 лес", "лес")]
    [InlineData("13945001234 大豆", "大豆")]
    [InlineData("2 линии 2026 года", "2 линии 2026 года")] // short numbers are part of what was looked for
    public void Emails_links_and_phone_numbers_are_left_out(string typed, string expected) =>
        Assert.Equal(expected, DemandText.Normalize(typed));

    [Fact]
    public void A_long_query_is_cut_to_the_limit_without_a_trailing_space()
    {
        var typed = string.Join(' ', Enumerable.Repeat("лесопереработка", 20));
        var key = DemandText.Normalize(typed);
        Assert.True(key.Length <= DemandText.MaxLength);
        Assert.False(key.EndsWith(' '));
        Assert.StartsWith("лесопереработка лесопереработка", key, StringComparison.Ordinal);
    }
}
