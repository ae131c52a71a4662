using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Localization;

public static class CultureMiddleware
{
    /// <summary>Remembers the language of the last page a visitor read, so "/" takes them back to it.</summary>
    public static IApplicationBuilder UseCultureCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var culture = CultureUrls.CultureOf(context.Request.Path);
        if (culture is not null && context.Request.Cookies[CultureUrls.CookieName] != culture && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Cookies.Append(CultureUrls.CookieName, culture, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        }
        await next();
    });

    public static IEndpointRouteBuilder MapCultureRedirect(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpRequest request) => Results.Redirect($"/{CultureUrls.Choose(request)}/"))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Current interface culture code (zh, ru, en) of a request.</summary>
    public static string Culture(this HttpContext context) =>
        CultureUrls.CultureOf(context.Request.Path) ?? Cultures.En;
}
