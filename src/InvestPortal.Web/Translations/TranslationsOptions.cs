namespace InvestPortal.Web.Translations;

/// <summary>The "Translations" section: when the owners' digest of translation requests is checked.</summary>
public sealed class TranslationsOptions
{
    public const string Section = "Translations";

    /// <summary>How often the digest check runs; each official gets at most one digest per UTC day.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first check after start.</summary>
    public TimeSpan DigestInitialDelay { get; set; } = TimeSpan.FromMinutes(1);
}
