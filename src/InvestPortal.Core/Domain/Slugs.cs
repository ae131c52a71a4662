using System.Globalization;
using System.Text;

namespace InvestPortal.Core.Domain;

/// <summary>URL slugs: readable for Latin and Cyrillic titles, always unique thanks to the external ref.</summary>
public static class Slugs
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <summary>Organization names are often Chinese only: a readable Latin part when there is one, plus a unique suffix.</summary>
    public static string ForOrganization(Organization org) =>
        $"{Make("org", org.NameEn ?? org.NameRu ?? "")}-{org.Id.ToString("N")[..8]}";

    /// <summary>"HLJ-2026-0042" + "Heihe timber park" → "hlj-2026-0042-heihe-timber-park".</summary>
    public static string Make(string externalRef, string? title)
    {
        var sb = new StringBuilder();
        foreach (var ch in $"{externalRef} {title}".ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (Cyrillic.TryGetValue(ch, out var latin)) sb.Append(latin);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 80) break;
        }
        return sb.ToString().Trim('-');
    }
}
