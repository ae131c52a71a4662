using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Caching;

/// <summary>
/// Server-side output cache for what anonymous visitors read most: the home page, listing detail pages
/// and the public JSON API. A detail page served from the cache still counts as a view (Insight): the
/// policy hands the slug to the <see cref="Insight.ViewCounter"/>. Entries vary by path (which carries the culture) and the whole query
/// string, live a few seconds (so a publication or withdrawal shows within seconds without explicit
/// invalidation), and are never used for signed-in visitors, whose pages differ (matching investors,
/// the sign-out form). A response that sets any cookie other than the culture cookie (an antiforgery
/// token, a sign-in) or says no-store is never stored.
/// </summary>
public static class AnonymousOutputCache
{
    public static IServiceCollection AddAnonymousOutputCache(this IServiceCollection services)
    {
        services.AddOptions<OutputCacheSettings>().BindConfiguration(OutputCacheSettings.Section);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddBasePolicy(new AnonymousPolicy());
        });
        return services;
    }

    /// <summary>After authentication (signed-in visitors must be known) and before the endpoints.</summary>
    public static IApplicationBuilder UseAnonymousOutputCache(this IApplicationBuilder app) => app.UseOutputCache();

    /// <summary>/{c}/, /{c}/opportunities/{slug}, /api/v1/… GETs, and the landing funnel, its downloads and the landed list.</summary>
    public static bool IsCacheablePath(PathString path) => IsHomeOrApi(path) || DetailSlug(path) is not null || IsLanding(path);

    private static bool IsLanding(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && Cultures.IsSupported(segments[0]) && segments[1] is "landing" or "landed"
            && (segments.Length == 2 || (segments.Length == 3 && segments[1] == "landing" && segments[2] is "funnel.csv" or "funnel.json"));
    }

    private static bool IsHomeOrApi(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 2 && segments[0] == "api" && segments[1] == "v1") return true;
        return segments.Length == 1 && Cultures.IsSupported(segments[0]);
    }

    /// <summary>The slug of a listing's public detail page (/{c}/opportunities/{slug}), or null for any other path.</summary>
    public static string? DetailSlug(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 3 && Cultures.IsSupported(segments[0]) && segments[1] == "opportunities" ? segments[2] : null;
    }

    private sealed class AnonymousPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value;
            var request = http.Request;
            var cacheable = settings.Seconds > 0
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && IsCacheablePath(request.Path)
                && http.User.Identity?.IsAuthenticated != true
                && !request.Headers.ContainsKey("Authorization")
                && !request.Cookies.ContainsKey("ip_auth");
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(settings.Seconds);
            context.CacheVaryByRules.QueryKeys = "*";
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) && DetailSlug(http.Request.Path) is { } slug)
                http.RequestServices.GetRequiredService<Insight.ViewCounter>().RecordCachedView(slug, http.Request.Headers.UserAgent,
                    (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)[0]);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cookies = response.Headers.SetCookie;
            if (response.StatusCode != StatusCodes.Status200OK
                || cookies.Any(c => c is not null && !c.StartsWith(Localization.CultureUrls.CookieName + "=", StringComparison.Ordinal))
                || response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
