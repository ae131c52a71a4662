using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Glossary;

/// <summary>The rules an admin's edit of the glossary must meet, and how terms are typed into a form.</summary>
public static partial class GlossaryRules
{
    public const int MaxIdLength = 64;
    public const int MaxTermLength = 100;

    /// <summary>Field names used in <see cref="GlossaryProblem.Field"/>.</summary>
    public const string IdField = "Id", SectorField = "Sector";

    /// <summary>Every rule code, so tests can check each has an interface string in every language.</summary>
    public static readonly IReadOnlyList<string> Codes =
        ["IdRequired", "IdInvalid", "IdTaken", "SectorUnknown", "TermsRequired", "ZhTooShort", "TermTooLong", "TermNoLetter", "TermTaken",
         // Raised when saving, not by Validate: the concept was deleted, or changed by someone else since the form was shown.
         "NotFound", "Stale"];

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("[,;，、；]+")]
    private static partial Regex TermSeparators();

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>
    /// Terms as typed into a form: one per line, or, when everything is on one line, separated by commas or semicolons
    /// (Chinese punctuation included) — lines win because some terms contain commas («Один пояс, один путь»). Trimmed,
    /// inner spaces collapsed, each kept once ignoring case (the first spelling wins).
    /// </summary>
    public static IReadOnlyList<string> SplitTerms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var parts = text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? LineBreaks().Split(text)
            : TermSeparators().Split(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var part in parts)
        {
            var term = Spaces().Replace(part, " ").Trim();
            if (term.Length > 0 && seen.Add(term.ToLowerInvariant())) terms.Add(term);
        }
        return terms;
    }

    /// <summary>
    /// One term per line, ending with a line break: how a concept's terms are shown in a form, so each round-trips
    /// through <see cref="SplitTerms"/> even when it is a single term containing a comma.
    /// </summary>
    public static string JoinTerms(IEnumerable<string> terms) => string.Concat(terms.Select(t => t + "\n"));

    /// <summary>
    /// Problems of <paramref name="draft"/> against the rest of the glossary. <paramref name="originalId"/> is the id
    /// being edited (null when adding). Terms are compared as written (ignoring case, spaces, ё/е), not by stems:
    /// stems would refuse real pairs that the shipped glossary holds apart (медь / мёд, графит / графен).
    /// </summary>
    public static IReadOnlyList<GlossaryProblem> Validate(GlossaryConcept draft, IEnumerable<GlossaryConcept> existing,
        string? originalId, IReadOnlyCollection<string> sectorCodes)
    {
        var problems = new List<GlossaryProblem>();
        var others = existing.Where(c => c.Id != (originalId ?? draft.Id)).ToList();
        if (string.IsNullOrEmpty(draft.Id)) problems.Add(new(IdField, "IdRequired"));
        else if (!IsValidId(draft.Id)) problems.Add(new(IdField, "IdInvalid"));
        else if (originalId is null && existing.Any(c => c.Id == draft.Id)) problems.Add(new(IdField, "IdTaken", draft.Id));
        if (draft.Sector is not null && !sectorCodes.Contains(draft.Sector)) problems.Add(new(SectorField, "SectorUnknown"));

        foreach (var culture in Cultures.All)
        {
            var field = FieldOf(culture);
            var terms = draft.Terms(culture);
            if (terms.Count == 0) { problems.Add(new(field, "TermsRequired")); continue; }
            var taken = others.SelectMany(c => c.Terms(culture).Select(t => (Key: Key(t), c.Id)))
                .Where(e => e.Key.Length > 0).GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (term.Length > MaxTermLength) problems.Add(new(field, "TermTooLong", term[..20] + "…", MaxTermLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                else if (!term.Any(char.IsLetter)) problems.Add(new(field, "TermNoLetter", term));
                else if (culture == Cultures.Zh && term.Count(c => !char.IsWhiteSpace(c)) < 2) problems.Add(new(field, "ZhTooShort", term));
                else if (taken.TryGetValue(Key(term), out var other)) problems.Add(new(field, "TermTaken", term, other));
            }
        }
        return problems;
    }

    public static string FieldOf(string culture) => culture switch
    {
        Cultures.Zh => "Zh",
        Cultures.Ru => "Ru",
        _ => "En",
    };

    /// <summary>A term as compared for duplicates: Chinese without spaces, otherwise lower case with ё as е and single spaces.</summary>
    private static string Key(string term)
    {
        var compact = string.Concat(term.Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length > 0 && compact.All(TextTokens.IsHan)) return compact;
        return Spaces().Replace(term, " ").Trim().ToLowerInvariant().Replace('ё', 'е');
    }
}
