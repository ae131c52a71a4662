using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InvestPortal.Web.Security;

/// <summary>
/// What sits at the edge of every request: the reverse proxy's X-Forwarded-For/Proto (so HTTPS, HSTS,
/// Secure cookies and per-client rate limits see the real scheme and address) and a cap on body size.
/// </summary>
public static class EdgeProtection
{
    public static IServiceCollection AddPortalEdgeProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section);
        var edge = configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            // Loopback proxies are trusted by default; a proxy elsewhere (a container network) is named in config.
            foreach (var network in edge.KnownProxyNetworks ?? [])
                if (System.Net.IPNetwork.TryParse(network, out var parsed)) o.KnownIPNetworks.Add(parsed);
                else throw new InvalidOperationException($"Edge:KnownProxyNetworks: '{network}' is not a network like 10.0.0.0/8.");
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Kestrel refuses anything larger than the biggest body the portal accepts (uploads); forms and JSON get less below.
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = edge.MaxUploadBytes;
            // Kestrel answers a request line over its limit with a bare 414 before the portal sees it. Its limit
            // is kept well above MaxUrlLength, so an overlong address normally reaches UseUrlLengthLimit and gets
            // a page or problem saying what happened; only a grossly longer one meets Kestrel's empty answer.
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, edge.MaxUrlLength * 4 + 64);
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's real scheme and address.</summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>
    /// Refuses addresses (path and query) longer than Edge:MaxUrlLength with 414. It runs inside the status
    /// pages, so the answer is the localized error page, or a problem for the API.
    /// </summary>
    public static IApplicationBuilder UseUrlLengthLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var edge = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value;
            var request = context.Request;
            if ((request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > edge.MaxUrlLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return;
            }
            await next();
        });

    /// <summary>
    /// Refuses bodies over the limit with 413. It runs inside the status pages, so a browser that posted
    /// too much gets the localized "too large" page rather than an empty response.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A GET has no body to refuse; it is also how the status page re-executes a refused post.
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }
            var edge = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value;
            var multipart = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
            var limit = multipart ? edge.MaxUploadBytes : edge.MaxFormBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            // Chunked bodies have no length up front: the server stops reading at the limit instead.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            await next();
        });
}
