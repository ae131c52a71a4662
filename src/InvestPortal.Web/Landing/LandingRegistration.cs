namespace InvestPortal.Web.Landing;

public static class LandingRegistration
{
    /// <summary>Listing outcomes, the landing funnel and its downloads, and the reply-time reminders.</summary>
    public static IServiceCollection AddLanding(this IServiceCollection services)
    {
        services.AddOptions<LandingOptions>().BindConfiguration(LandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReplyTimesOptions>().BindConfiguration(ReplyTimesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LandingFunnel>();
        services.AddScoped<LandedListings>();
        services.AddScoped<ListingOutcomeService>();
        services.AddScoped<ReplyReminders>();
        services.AddHostedService<ReplyReminderService>();
        return services;
    }
}
