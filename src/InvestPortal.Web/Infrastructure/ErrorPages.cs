using InvestPortal.Web.Localization;

namespace InvestPortal.Web.Infrastructure;

public static class ErrorPages
{
    /// <summary>
    /// 404, 403 and friends render the Error page in the language of the URL (or the visitor's choice
    /// when the URL has none), keeping the original status code. API responses are left as they are.
    /// </summary>
    public static IApplicationBuilder UseLocalizedStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(new StatusCodePagesOptions
        {
            HandleAsync = async ctx =>
            {
                var http = ctx.HttpContext;
                // A form post that was too large (an upload) is the one POST answered with a page: the
                // body was never read, so the error page is rendered as for a GET.
                var tooLarge = http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge;
                if (http.Request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(http.Request.Method) || tooLarge)) return;
                var culture = CultureUrls.CultureOf(http.Request.Path) ?? CultureUrls.Choose(http.Request);
                var (path, query, method) = (http.Request.Path, http.Request.QueryString, http.Request.Method);
                http.SetEndpoint(null);
                http.Request.RouteValues.Clear();
                http.Request.Path = $"/{culture}/error/{http.Response.StatusCode}";
                http.Request.QueryString = QueryString.Empty;
                http.Request.Method = HttpMethods.Get;
                try { await ctx.Next(http); }
                finally { (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method); }
            },
        });

    /// <summary>Unhandled exceptions: a plain page in all three languages that depends on nothing that may have failed.</summary>
    public static IEndpointRouteBuilder MapServerErrorPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/error/500", () => Results.Content(
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
