using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace InvestPortal.Web.Localization;

/// <summary>Matches only zh, ru, en: /de/… is a 404, never a page in a guessed language.</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Cultures.IsSupported(value as string);
}
