namespace InvestPortal.Web.Discovery;

public static class DiscoveryRegistration
{
    /// <summary>The services behind the public catalogue: listing search and reading, organization pages.</summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddScoped<OpportunityReader>();
        services.AddScoped<OpportunitySearch>();
        services.AddScoped<SearchFacetLabels>();
        services.AddScoped<OrganizationReader>();
        return services;
    }
}
