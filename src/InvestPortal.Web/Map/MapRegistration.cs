using InvestPortal.Data;

namespace InvestPortal.Web.Map;

public static class MapRegistration
{
    /// <summary>The map of the border: its geometry read and projected once (content/map/heilongjiang.json), the renderer, the per-page builder.</summary>
    public static IServiceCollection AddBorderMap(this IServiceCollection services)
    {
        services.AddSingleton(sp => MapGeometry.Load(Path.Combine(sp.GetRequiredService<PortalPaths>().Content, "map", "heilongjiang.json")));
        services.AddSingleton<BorderMapSvg>();
        services.AddScoped<BorderMapBuilder>();
        return services;
    }
}
