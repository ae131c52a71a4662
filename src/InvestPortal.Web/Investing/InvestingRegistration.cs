using InvestPortal.Core.Outbox;

namespace InvestPortal.Web.Investing;

public static class InvestingRegistration
{
    /// <summary>The investor side: profile, shortlist and dismissals, saved searches, alert handlers and the digest service.</summary>
    public static IServiceCollection AddInvesting(this IServiceCollection services)
    {
        services.AddScoped<InvestorProfiles>();
        services.AddScoped<Bookmarks>();
        services.AddScoped<InvestorMatches>();
        services.AddScoped<InvestorSearch>();
        services.AddScoped<SavedSearches>();
        services.AddScoped<SavedSearchText>();
        services.AddScoped<AlertDigest>();
        services.AddScoped<IOutboxHandler, SavedSearchSyncHandler>();
        services.AddScoped<IOutboxHandler, SearchAlertHandler>();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<AlertDigestService>();
        return services;
    }
}
