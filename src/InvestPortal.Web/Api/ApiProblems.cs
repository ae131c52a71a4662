using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Web.Attachments;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Api;

/// <summary>
/// Every API error is an RFC 9457 problem (application/problem+json) with a title and detail in the
/// caller's language: the <c>lang</c> parameter the API already takes, else Accept-Language, else English.
/// </summary>
public static class ApiProblems
{
    /// <summary>The language of an API answer.</summary>
    public static string CultureOf(HttpRequest request) =>
        request.Query["lang"].ToString() is var lang && Cultures.IsSupported(lang) ? lang : CultureUrls.Choose(request);

    /// <summary>A problem for <paramref name="status"/>; the detail is the status's general text unless a resource key and arguments are given.</summary>
    public static IResult For(HttpContext context, int status, string? detailKey = null, params object[] arguments)
    {
        var culture = CultureOf(context.Request);
        var key = ErrorTexts.KeyFor(status);
        var (title, detail) = Localized(context, culture, l =>
        {
            var explanation = detailKey is not null ? l[detailKey, arguments]
                : key == "Error.TooLarge" ? l[key, Math.Round(context.RequestServices.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes / 1048576.0, 1)]
                : l[key];
            return (l[key + "Title"].Value, explanation.Value);
        });
        context.Response.Headers.ContentLanguage = Cultures.HtmlLang(culture);
        return Results.Problem(statusCode: status, title: title, detail: detail);
    }

    /// <summary>Fills an empty error response (an unknown route, a refused body, a rate limit) with its problem.</summary>
    public static Task WriteAsync(HttpContext context) => For(context, context.Response.StatusCode).ExecuteAsync(context);

    // The shared localizer follows CurrentUICulture, which for /api paths is not set from the caller: set it for the lookup.
    private static T Localized<T>(HttpContext context, string culture, Func<IStringLocalizer, T> read)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Formatting.CultureInfoFor(culture);
        try { return read(localizer); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
