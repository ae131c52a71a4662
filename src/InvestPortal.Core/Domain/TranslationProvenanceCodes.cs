namespace InvestPortal.Core.Domain;

/// <summary>The import format's names of <see cref="TranslationProvenance"/> values (DOMAIN.md): kebab-case, stable.</summary>
public static class TranslationProvenanceCodes
{
    public static readonly IReadOnlyDictionary<string, TranslationProvenance> ByCode = new Dictionary<string, TranslationProvenance>(StringComparer.Ordinal)
    {
        ["original"] = TranslationProvenance.Original,
        ["owner"] = TranslationProvenance.Owner,
        ["machine-reviewed"] = TranslationProvenance.MachineReviewed,
        ["machine"] = TranslationProvenance.Machine,
    };

    public static string? Code(TranslationProvenance p) => ByCode.FirstOrDefault(kv => kv.Value == p).Key;

    /// <summary>What a text in <paramref name="culture"/> records: the original language is always "original".</summary>
    public static TranslationProvenance For(string culture, string originalCulture, TranslationProvenance given) =>
        culture == originalCulture ? TranslationProvenance.Original
        : given is TranslationProvenance.Unspecified or TranslationProvenance.Original ? TranslationProvenance.Owner : given;
}
