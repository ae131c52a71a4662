namespace InvestPortal.Web.Insight;

public static class InsightRegistration
{
    /// <summary>View counting, the owner's insight page services, invitations and listing expiry.</summary>
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddOptions<ListingsOptions>().BindConfiguration(ListingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InsightOptions>().BindConfiguration(InsightOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewCountFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewCountFlusher>());
        services.AddScoped<OwnerMatches>();
        services.AddScoped<ListingConfirmation>();
        services.AddScoped<InsightStats>();
        services.AddScoped<InvestorInvitations>();
        services.AddScoped<ListingExpiry>();
        services.AddHostedService<ListingExpiryService>();
        return services;
    }
}
