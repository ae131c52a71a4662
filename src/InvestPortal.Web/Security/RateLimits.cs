using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Security;

/// <summary>
/// Per-client limits on the endpoints attackers hammer: sign-in, sign-up, password reset, forms (including
/// shortlist/dismiss and the listing editor), the HTML search page and the public API. Over a limit the
/// answer is 429 with Retry-After; the status pages turn it into the localized error page, or a problem for the API.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Forms = "forms";
    public const string Api = "api";
    /// <summary>The HTML search page: every GET ranks the catalogue, so a scraper pays per page like an API caller.</summary>
    public const string Search = "search";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            Add(o, Login, l => l.LoginPerMinute);
            Add(o, Forms, l => l.FormsPerMinute);
            Add(o, Api, l => l.ApiPerMinute);
            Add(o, Search, l => l.SearchPerMinute);
        });
        return services;
    }

    private static void Add(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions o, string name, Func<RateLimitOptions, int> limit) =>
        o.AddPolicy(name, ctx =>
        {
            var options = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
            // GETs of a form page are free; only submissions count.
            if (name is not (Api or Search) && (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)))
                return RateLimitPartition.GetNoLimiter("get");
            var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter($"{name}:{client}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit(options), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        });
}
