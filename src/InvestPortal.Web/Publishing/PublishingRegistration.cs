namespace InvestPortal.Web.Publishing;

public static class PublishingRegistration
{
    /// <summary>The lifecycle service and the owner's access checks used by the editor and moderation pages.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddScoped<OpportunityPublisher>();
        services.AddScoped<OwnedOpportunities>();
        services.AddScoped<OpportunityEditor>();
        return services;
    }
}
