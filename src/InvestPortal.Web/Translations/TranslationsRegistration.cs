namespace InvestPortal.Web.Translations;

public static class TranslationsRegistration
{
    /// <summary>Readers' translation requests, the owners' translation-demand panel and their daily digest.</summary>
    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddOptions<TranslationsOptions>().BindConfiguration(TranslationsOptions.Section);
        services.AddScoped<TranslationRequests>();
        services.AddScoped<TranslationRequestDigest>();
        services.AddHostedService<TranslationDigestService>();
        return services;
    }
}
