namespace InvestPortal.Core.Domain;

/// <summary>The three interface and content languages, as they appear in URLs and translation rows.</summary>
public static class Cultures
{
    public const string Zh = "zh";
    public const string Ru = "ru";
    public const string En = "en";

    public static readonly IReadOnlyList<string> All = [Zh, Ru, En];

    public static bool IsSupported(string? code) => code is Zh or Ru or En;

    /// <summary>The BCP 47 tag for &lt;html lang&gt; and formatting: Chinese is written in Simplified script.</summary>
    public static string HtmlLang(string code) => code == Zh ? "zh-Hans" : code;

    /// <summary>Maps a browser or CultureInfo name (zh-CN, ru-RU, en-GB, zh-Hans) to one of ours, or null.</summary>
    public static string? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return IsSupported(primary) ? primary : null;
    }
}
