namespace InvestPortal.Web.Interests;

public static class InterestsRegistration
{
    /// <summary>Expressions of interest (submit, owner steps, withdraw) and the privacy page's export and deletion.</summary>
    public static IServiceCollection AddInterests(this IServiceCollection services)
    {
        services.AddScoped<InterestService>();
        services.AddScoped<InterestMail>();
        services.AddScoped<InterestReader>();
        services.AddScoped<Privacy.PersonalData>();
        return services;
    }
}
