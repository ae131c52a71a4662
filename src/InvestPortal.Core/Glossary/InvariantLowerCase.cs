namespace InvestPortal.Core.Glossary;

/// <summary>
/// Invariant lower case, the same result as <see cref="char.ToLowerInvariant"/> and <see cref="string.ToLowerInvariant"/>
/// without asking ICU for every non-ASCII letter: the glossary stems every word of every listing it indexes, and in a
/// profile of a 100,000-listing import the culture calls for Cyrillic words were about a third of building the search
/// documents. Every BMP character's lower case is looked up in a table built once (128 KiB); a string with a surrogate
/// pair (outside the BMP, rare here) goes through <see cref="string.ToLowerInvariant"/> as before.
/// <c>InvariantLowerCaseTests</c> compares both over every code point; the search analyzers use the same table.
/// </summary>
public static class InvariantLowerCase
{
    private static readonly char[] Table = Build();

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = char.IsSurrogate((char)c) ? (char)c : char.ToLowerInvariant((char)c);
        return table;
    }

    /// <summary>The lower case of a BMP character; a surrogate comes back unchanged (lower-case pairs as strings).</summary>
    public static char Of(char c) => Table[c];

    /// <summary>The string in lower case; the same instance when nothing changes.</summary>
    public static string Of(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c)) return text.ToLowerInvariant();
            if (first < 0 && Table[c] != c) first = i;
        }
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(span);
            for (var i = from; i < source.Length; i++) span[i] = Table[source[i]];
        });
    }
}
