namespace InvestPortal.Web.Demand;

public static class DemandRegistration
{
    /// <summary>Zero-result search recording (in memory, flushed in batches) and the unmet-demand report.</summary>
    public static IServiceCollection AddDemand(this IServiceCollection services)
    {
        services.AddOptions<DemandOptions>().BindConfiguration(DemandOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UnmetSearchRecorder>();
        services.AddSingleton<UnmetSearchFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<UnmetSearchFlusher>());
        services.AddScoped<UnmetDemand>();
        return services;
    }
}
