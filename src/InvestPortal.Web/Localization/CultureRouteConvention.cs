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
