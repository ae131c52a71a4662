using InvestPortal.Web.Api;
using InvestPortal.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace InvestPortal.Web.Infrastructure;

public static class ErrorPages
{
    /// <summary>
    /// Every error status without a body of its own gets one. Pages (whatever the method: a refused post, a
    /// rate-limited form, a forged antiforgery token) render the Error page in the language of the URL (or
    /// the visitor's choice when the URL has none), keeping the status and headers such as Retry-After.
    /// The API answers with a localized RFC 9457 problem (<see cref="ApiProblems"/>).
    /// </summary>
    public static IApplicationBuilder UseLocalizedStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(new StatusCodePagesOptions
        {
            HandleAsync = async ctx =>
            {
                var http = ctx.HttpContext;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiProblems.WriteAsync(http);
                    return;
                }
                // The error page is rendered as for a GET: a post's body may never have been read (too large,
                // rate-limited) and must not be acted on twice.
                var culture = CultureUrls.CultureOf(http.Request.Path) ?? CultureUrls.Choose(http.Request);
                var (path, query, method) = (http.Request.Path, http.Request.QueryString, http.Request.Method);
                http.SetEndpoint(null);
                http.Request.RouteValues.Clear();
                http.Request.Path = CultureUrls.Href(culture, $"error/{http.Response.StatusCode}");
                http.Request.QueryString = QueryString.Empty;
                http.Request.Method = HttpMethods.Get;
                try { await ctx.Next(http); }
                finally { (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method); }
            },
        });

    /// <summary>
    /// Unhandled exceptions: a plain page in all three languages that depends on nothing that may have failed;
    /// for the API a problem in the caller's language (its resources are loaded at start, so they have not failed).
    /// </summary>
    public static IEndpointRouteBuilder MapServerErrorPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/error/500", (HttpContext context) => context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed
                && failed.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            ? ApiProblems.For(context, StatusCodes.Status500InternalServerError)
            : Results.Content(
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>InvestPortal</title>
            <link rel="stylesheet" href="/css/site.css"></head><body><main class="container">
            <h1 lang="zh-Hans">抱歉，服务器出错了。请稍后再试。</h1>
            <p lang="ru">Извините, на сервере произошла ошибка. Попробуйте ещё раз чуть позже.</p>
            <p>Sorry, something went wrong on our side. Please try again in a moment.</p>
            <p><a href="/">InvestPortal</a></p></main></body></html>
            """, "text/html; charset=utf-8", null, StatusCodes.Status500InternalServerError)).ExcludeFromDescription();
        return endpoints;
    }
}
