namespace InvestPortal.Core.Domain;

public static class TranslationExtensions
{
    /// <summary>
    /// The text for a culture, or the original's when that culture has none.
    /// <paramref name="isFallback"/> tells the page to show the "original language" note.
    /// </summary>
    public static TTranslation? For<TTranslation>(this ITranslated<TTranslation> item, string culture, out bool isFallback)
        where TTranslation : class, ICultureRow
    {
        var exact = item.Translations.FirstOrDefault(t => t.Culture == culture);
        isFallback = exact is null;
        return exact
            ?? item.Translations.FirstOrDefault(t => t.Culture == item.OriginalCulture)
            ?? item.Translations.FirstOrDefault();
    }

    public static TTranslation? For<TTranslation>(this ITranslated<TTranslation> item, string culture)
        where TTranslation : class, ICultureRow => item.For(culture, out _);
}
