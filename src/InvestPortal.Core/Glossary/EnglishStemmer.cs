namespace InvestPortal.Core.Glossary;

/// <summary>
/// A light English stemmer (plural, -ed, -ing, final e, y→i), deliberately conservative: it only has to
/// make "logs"/"log", "processing"/"processed"/"process", "supplies"/"supply" meet, on both the document and the
/// query side, without merging unrelated words. Not Porter: fewer rules, fewer surprises.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        var w = InvariantLowerCase.Of(word);
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) w = w[..^2];
        if (w.Length <= 3) return w;

        if (w.EndsWith("sses", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) w = w[..^3] + "y";
        else if (w.EndsWith("es", StringComparison.Ordinal) && (w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal))) w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= 3 && HasVowel(w.AsSpan(0, w.Length - 3)))
            w = Undouble(w[..^3]);
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal) && w.Length - 2 >= 3 && HasVowel(w.AsSpan(0, w.Length - 2)))
            w = Undouble(w[..^2]);

        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];
        if (w.Length > 3 && w.EndsWith('y') && !IsVowel(w[^2])) w = w[..^1] + "i";
        return w;
    }

    private static string Undouble(string w) =>
        w.Length >= 3 && w[^1] == w[^2] && !IsVowel(w[^1]) && w[^1] is not ('l' or 's' or 'z') ? w[..^1] : w;

    private static bool HasVowel(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (IsVowel(c)) return true;
        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
