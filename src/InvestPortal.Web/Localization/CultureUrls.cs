using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace InvestPortal.Web.Localization;

public static class CultureUrls
{
    public const string CookieName = "ip_lang";

    /// <summary>
    /// The one way to write a link inside the site: a path in a language, Href("ru", "opportunities") → /ru/opportunities.
    /// Pages use <c>PortalPageModel.Href(path)</c>, which passes the page's own language.
    /// </summary>
    public static string Href(string culture, string path) => $"/{culture}/{path.TrimStart('/')}";

    /// <summary>zh, ru or en from a path like /ru/opportunities, else null.</summary>
    public static string? CultureOf(PathString path)
    {
        var value = path.Value;
        if (value is null || value.Length < 3 || value[0] != '/') return null;
        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        return Cultures.IsSupported(segment) ? segment : null;
    }

    /// <summary>The same page in another language: /ru/opportunities?sector=energy → /zh/opportunities?sector=energy.</summary>
    public static string Switch(HttpRequest request, string culture)
    {
        var path = request.Path.Value ?? "/";
        var current = CultureOf(request.Path);
        var rest = current is null ? "" : path[(1 + current.Length)..];
        if (rest.Length == 0) rest = "/";
        return $"/{culture}{rest}{request.QueryString}";
    }

    /// <summary>Chooses a language for "/": the remembered cookie first, then Accept-Language, then English.</summary>
    public static string Choose(HttpRequest request)
    {
        if (Cultures.FromTag(request.Cookies[CookieName]) is { } remembered) return remembered;
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Cultures.FromTag(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return accepted ?? Cultures.En;
    }
}
