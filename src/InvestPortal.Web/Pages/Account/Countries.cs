using System.Collections.Concurrent;
using System.Globalization;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages.Account;

/// <summary>ISO 3166-1 alpha-2 countries with their names in the reader's language (from ICU's data, no list of our own to keep up).</summary>
public static class Countries
{
    public static readonly IReadOnlySet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return ""; } })
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
        .ToHashSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByCulture = new();

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code.ToUpperInvariant());

    /// <summary>Sorted by name as the reader's language sorts (pinyin order for Chinese).</summary>
    public static IReadOnlyList<(string Code, string Name)> For(string culture) => ByCulture.GetOrAdd(culture, c =>
    {
        var info = Formatting.CultureInfoFor(c);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = info;
            var comparer = StringComparer.Create(info, ignoreCase: true);
            return Codes.Select(code => (code, new RegionInfo(code).DisplayName)).OrderBy(x => x.DisplayName, comparer).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    });
}
