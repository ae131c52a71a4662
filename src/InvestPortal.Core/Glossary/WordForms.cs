namespace InvestPortal.Core.Glossary;

/// <summary>
/// Known word forms of a glossary term, for terms whose stem is too weak to stand for them: short Russian stems and
/// stems two concepts share collide in ordinary text (медь and мёд both stem to "мед", графит and графен to "граф"),
/// so such a term matches only its own spelling and the regular inflections built here. The paradigms are a small
/// regular subset of Russian noun and adjective declension — enough to keep "меди", "мёда", "графита" — and English
/// plurals; an irregular form is added to the glossary as a term of its own.
/// </summary>
public static class WordForms
{
    /// <summary>Lower case, ё as е: how words are compared here.</summary>
    public static string Normalize(string word) => InvariantLowerCase.Of(word).Replace('ё', 'е');

    /// <summary>The word itself and its regular inflections, normalized.</summary>
    public static IReadOnlySet<string> Of(string word)
    {
        var w = Normalize(word);
        var forms = new HashSet<string>(StringComparer.Ordinal) { w };
        if (w.Length < 2) return forms;
        if (w.Any(TextTokens.IsCyrillic)) AddRussian(w, forms);
        else AddEnglish(w, forms);
        return forms;
    }

    private static readonly string[] AdjectiveEndings =
        ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими"];

    private static void AddRussian(string w, HashSet<string> forms)
    {
        string Stem(int cut) => w[..^cut];
        void Add(string stem, params string[] endings)
        {
            foreach (var e in endings) forms.Add(stem + e);
        }
        var last = w[^1];
        var beforeLast = w[^2];
        if (w.Length > 4 && w[^2..] is "ый" or "ий" or "ой" or "ая" or "яя" or "ое" or "ее" or "ые")
        {
            // Adjectives and participles (медный, графитовая): every case of every gender.
            Add(Stem(2), AdjectiveEndings);
            return;
        }
        switch (last)
        {
            case 'ь': // медь, сталь: feminine soft declension
                Add(Stem(1), "и", "ью", "ей", "ям", "ями", "ях");
                break;
            case 'й': // чай, край
                Add(Stem(1), "я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях");
                break;
            case 'а': // руда
                Add(Stem(1), Hushing(beforeLast) ? ["и", "е", "у", "ой", "ою", "ам", "ами", "ах"] : ["ы", "е", "у", "ой", "ою", "ам", "ами", "ах"]);
                break;
            case 'я': // земля, энергия
                Add(Stem(1), "и", "е", "ю", "ей", "ею", "ям", "ями", "ях");
                break;
            case 'о': // олово, золото
                Add(Stem(1), "а", "у", "ом", "е", "ам", "ами", "ах");
                break;
            case 'е': // сырье, месторождение
                Add(Stem(1), "я", "ю", "ем", "ям", "ями", "ях");
                if (beforeLast == 'и') Add(Stem(1), "и", "й");
                break;
            default:
                if (IsRussianConsonant(last)) // мед, графит, лес
                    Add(w, Hushing(last) ? ["а", "у", "ом", "ем", "е", "и", "ей", "ам", "ами", "ах"] : ["а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]);
                break;
        }
    }

    private static bool Hushing(char c) => c is 'к' or 'г' or 'х' or 'ж' or 'ш' or 'ч' or 'щ' or 'ц';

    private static bool IsRussianConsonant(char c) => c is >= 'а' and <= 'я' && !"аеёиоуыэюяьъй".Contains(c);

    private static void AddEnglish(string w, HashSet<string> forms)
    {
        forms.Add(w + "s");
        if (w[^1] is 's' or 'x' or 'z' || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal)) forms.Add(w + "es");
        if (w[^1] == 'y' && w.Length > 2 && !"aeiou".Contains(w[^2])) forms.Add(w[..^1] + "ies");
    }
}
