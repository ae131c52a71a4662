using System.Globalization;
using System.Text.Json.Nodes;
using InvestPortal.Core.Domain;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Api;

/// <summary>One resource text in each of zh, ru and en, for the OpenAPI document's <c>x-localized</c> extension.</summary>
public static class ApiDocTexts
{
    public static string In(IStringLocalizer localizer, string culture, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Formatting.CultureInfoFor(culture);
        try { return localizer[key, arguments].Value; }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    public static JsonObject Trilingual(IStringLocalizer localizer, string key, params object[] arguments)
    {
        var texts = new JsonObject();
        foreach (var culture in Cultures.All) texts[culture] = In(localizer, culture, key, arguments);
        return texts;
    }
}
