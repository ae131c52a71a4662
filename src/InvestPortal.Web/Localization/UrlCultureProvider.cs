using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace InvestPortal.Web.Localization;

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
