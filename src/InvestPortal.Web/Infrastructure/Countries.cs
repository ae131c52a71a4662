using System.Collections.Concurrent;
using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Infrastructure;

/// <summary>ISO 3166-1 alpha-2 countries with their names in the reader's language (from ICU's data, no list of our own to keep up).</summary>
public static class Countries
{
    // Code → a specific culture of that region: some regions (EH, …) cannot be built from their code alone.
    private static readonly IReadOnlyDictionary<string, string> Regions = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return (Code: new RegionInfo(c.Name).TwoLetterISORegionName, Culture: c.Name); } catch (ArgumentException) { return (Code: "", Culture: ""); } })
        .Where(x => x.Code.Length == 2 && x.Code.All(char.IsAsciiLetterUpper))
        .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Culture, StringComparer.Ordinal);

    public static IEnumerable<string> Codes => Regions.Keys;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByCulture = new();

    public static bool IsKnown(string? code) => code is not null && Regions.ContainsKey(code.ToUpperInvariant());

    /// <summary>Sorted by name as the reader's language sorts (pinyin order for Chinese).</summary>
    public static IReadOnlyList<(string Code, string Name)> For(string culture) => ByCulture.GetOrAdd(culture, c =>
    {
        var comparer = StringComparer.Create(Formatting.CultureInfoFor(c), ignoreCase: true);
        return Regions.Keys.Select(code => (code, NameIn(c, code))).OrderBy(x => x.Item2, comparer).ToList();
    });

    // ICU names a region in the language of the locale it is asked through: "ru-CN" gives "Китай",
    // "zh-KZ" gives "哈萨克斯坦". A combination ICU cannot build falls back to the English name.
    private static string NameIn(string culture, string code)
    {
        try
        {
            return new RegionInfo($"{Cultures.HtmlLang(culture)}-{code}").DisplayName;
        }
        catch (ArgumentException)
        {
            return new RegionInfo(Regions[code]).EnglishName;
        }
    }
}
