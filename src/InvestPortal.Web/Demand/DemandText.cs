using System.Text;

namespace InvestPortal.Web.Demand;

/// <summary>
/// Normalizes what a searcher typed into the key under which zero-result searches are summed: Unicode NFKC,
/// lower case, single spaces, at most <see cref="MaxLength"/> characters. Words that look like contact details
/// (an address with @, a link, six or more digits) are dropped: the aggregate must never point at a person.
/// </summary>
public static class DemandText
{
    public const int MaxLength = 100;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var words = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Contains('@') && !w.StartsWith("http", StringComparison.Ordinal) && w.Count(char.IsAsciiDigit) < 6);
        var joined = string.Join(' ', words);
        return joined.Length <= MaxLength ? joined : joined[..MaxLength].TrimEnd();
    }
}
