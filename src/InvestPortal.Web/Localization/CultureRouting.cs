using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace InvestPortal.Web.Localization;

/// <summary>Puts every Razor Page under /{culture}/…, so each URL names its language and can be shared.</summary>
public sealed class CultureRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = (selector.AttributeRouteModel?.Template ?? "").TrimStart('~').TrimStart('/');
            selector.AttributeRouteModel!.Template = string.IsNullOrEmpty(template) ? "{culture:culture}" : $"{{culture:culture}}/{template}";
        }
    }
}

/// <summary>Matches only zh, ru, en: /de/… is a 404, never a page in a guessed language.</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Cultures.IsSupported(value as string);
}

/// <summary>Reads the culture from the first URL segment; zh becomes zh-Hans for formatting and resources.</summary>
public sealed class UrlCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var code = CultureUrls.CultureOf(httpContext.Request.Path);
        if (code is null) return NullProviderCultureResult;
        var tag = Cultures.HtmlLang(code);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(tag, tag));
    }
}

public static class CultureUrls
{
    public const string CookieName = "ip_lang";

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
