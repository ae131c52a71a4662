namespace InvestPortal.Core.Glossary;

/// <summary>
/// The Snowball Russian stemming algorithm (snowballstem.org/algorithms/russian/stemmer.html), written
/// out so Core needs no search library: "древесина", "древесины", "древесиной" → "древесин".
/// </summary>
public static class RussianStemmer
{
    private static readonly string[] PerfectiveGerund1 = ["вшись", "вши", "в"];
    private static readonly string[] PerfectiveGerund2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
    private static readonly string[] Adjective = ["ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
    private static readonly string[] Participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle2 = ["ивш", "ывш", "ующ"];
    private static readonly string[] Reflexive = ["ся", "сь"];
    private static readonly string[] Verb1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
    private static readonly string[] Verb2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
    private static readonly string[] Noun = ["иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я"];
    private static readonly string[] Superlative = ["ейше", "ейш"];
    private static readonly string[] Derivational = ["ость", "ост"];

    public static string Stem(string word)
    {
        var w = InvariantLowerCase.Of(word).Replace('ё', 'е');
        var rv = RegionAfterFirstVowel(w, 0);
        var r1 = RegionR(w, 0);
        var r2 = RegionR(w, r1);
        if (rv >= w.Length) return w;

        // Step 1
        if (!TryRemove(ref w, rv, PerfectiveGerund1, PerfectiveGerund2))
        {
            TryRemove(ref w, rv, Reflexive, []);
            if (!RemoveAdjectival(ref w, rv) && !TryRemove(ref w, rv, Verb1, Verb2))
                TryRemove(ref w, rv, [], Noun);
        }
        // Step 2
        if (w.Length > rv && w.EndsWith('и')) w = w[..^1];
        // Step 3
        TryRemove(ref w, Math.Max(r2, rv), [], Derivational);
        // Step 4
        if (w.Length - rv >= 2 && w.EndsWith("нн", StringComparison.Ordinal)) w = w[..^1];
        else if (TryRemove(ref w, rv, [], Superlative))
        {
            if (w.Length - rv >= 2 && w.EndsWith("нн", StringComparison.Ordinal)) w = w[..^1];
        }
        else if (w.Length > rv && w.EndsWith('ь')) w = w[..^1];
        return w;
    }

    private static bool RemoveAdjectival(ref string w, int rv)
    {
        if (!TryRemove(ref w, rv, [], Adjective)) return false;
        TryRemove(ref w, rv, Participle1, Participle2);
        return true;
    }

    /// <summary>
    /// Snowball "among": finds the longest ending of either group inside the region; an ending of the first
    /// group must follow а or я (also inside the region), which stays. No shorter ending is tried after a failed condition.
    /// </summary>
    private static bool TryRemove(ref string w, int region, string[] afterAOrYa, string[] plain)
    {
        string? best = null;
        var bestNeedsA = false;
        foreach (var e in afterAOrYa)
            if ((best is null || e.Length > best.Length) && EndsInRegion(w, e, region)) { best = e; bestNeedsA = true; }
        foreach (var e in plain)
            if ((best is null || e.Length > best.Length) && EndsInRegion(w, e, region)) { best = e; bestNeedsA = false; }
        if (best is null) return false;
        if (bestNeedsA)
        {
            var before = w.Length - best.Length - 1;
            if (before < region || w[before] is not ('а' or 'я')) return false;
        }
        w = w[..^best.Length];
        return true;
    }

    private static bool EndsInRegion(string w, string ending, int region) =>
        w.Length - ending.Length >= region && w.EndsWith(ending, StringComparison.Ordinal);

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';

    private static int RegionAfterFirstVowel(string w, int start)
    {
        for (var i = start; i < w.Length; i++) if (IsVowel(w[i])) return i + 1;
        return w.Length;
    }

    /// <summary>R1 (from 0) or R2 (from R1): after the first non-vowel that follows a vowel.</summary>
    private static int RegionR(string w, int start)
    {
        for (var i = start + 1; i < w.Length; i++)
            if (!IsVowel(w[i]) && IsVowel(w[i - 1])) return i + 1;
        return w.Length;
    }
}
