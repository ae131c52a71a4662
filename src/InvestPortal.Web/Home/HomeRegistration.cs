namespace InvestPortal.Web.Home;

public static class HomeRegistration
{
    /// <summary>The home page's figures (over Discovery and Investing).</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<HomeFigures>();
        return services;
    }
}
