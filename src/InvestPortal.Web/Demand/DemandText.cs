using System.Text;

namespace InvestPortal.Web.Demand;

/// <summary>
/// Normalizes what a searcher typed into the key under which zero-result searches are summed: Unicode NFKC,
/// lower case, single spaces, at most <see cref="MaxLength"/> characters. Words that look like contact details
/// (an address with @, a link, six or more digits — also when a phone number is typed in groups such as
/// "+7 914 555 12 34") are dropped: the aggregate must never point at a person.
/// </summary>
public static class DemandText
{
    public const int MaxLength = 100;
    private const int DigitsOfAContact = 6;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var words = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        var numberRun = new List<string>();
        foreach (var word in words)
        {
            if (IsNumberPart(word)) { numberRun.Add(word); continue; }
            KeepUnlessContact(numberRun, kept);
            if (!word.Contains('@') && !word.StartsWith("http", StringComparison.Ordinal) && Digits(word) < DigitsOfAContact)
                kept.Add(word);
        }
        KeepUnlessContact(numberRun, kept);
        var joined = string.Join(' ', kept);
        return joined.Length <= MaxLength ? joined : joined[..MaxLength].TrimEnd();
    }

    /// <summary>Digits with the punctuation of phone numbers: "+7", "(914)", "555-12-34".</summary>
    private static bool IsNumberPart(string word) =>
        word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '.');

    /// <summary>A run of number parts is kept only while it is too short to be a phone number ("2 lines", "2026").</summary>
    private static void KeepUnlessContact(List<string> run, List<string> kept)
    {
        if (run.Sum(Digits) < DigitsOfAContact) kept.AddRange(run);
        run.Clear();
    }

    private static int Digits(string word) => word.Count(char.IsAsciiDigit);
}
