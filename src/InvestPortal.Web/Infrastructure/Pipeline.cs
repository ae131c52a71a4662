using InvestPortal.Data;
using InvestPortal.Web.Api;
using InvestPortal.Web.Caching;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Localization;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Infrastructure;

public static class Pipeline
{
    /// <summary>Migrations, exchange rates and (into an empty catalogue) the demo content.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        app.UseLocalizedStatusPages();
        app.UseUrlLengthLimit();
        app.UseBodySizeLimits();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseCultureCookie();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAnonymousOutputCache();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapCultureRedirect();
        app.MapRazorPages();
        app.MapPortalApi();
        app.MapDiscovery();
        Landing.LandingEndpoints.MapLanding(app);
        Attachments.AttachmentEndpoints.MapAttachments(app);
        app.MapServerErrorPage();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        Telemetry.TelemetryRegistration.MapPortalMetrics(app);
        return app;
    }
}
