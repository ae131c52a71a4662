using System.Text;

namespace InvestPortal.Core.Glossary;

/// <summary>Splits text into words (letters and digits, Han characters excluded) and stems each by its script.</summary>
public static class TextTokens
{
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Lower-cased words of Latin, Cyrillic or digits; apostrophes inside words are kept.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var sb = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) && !IsHan(c)) { sb.Append(InvariantLowerCase.Of(c)); continue; }
            if (c is '\'' or '’' && sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) { sb.Append('\''); continue; }
            if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }
    }

    public static string Stem(string word) =>
        word.AsSpan().ContainsAnyInRange('\u0400', '\u04FF') ? RussianStemmer.Stem(word) : EnglishStemmer.Stem(word);

    public static IEnumerable<string> Stems(string? text) => Words(text).Select(Stem);
}
