using InvestPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InvestPortal.Web.Pages;

/// <summary>Base of every page: knows the page's language (zh, ru, en) from its URL.</summary>
public abstract class PortalPageModel : PageModel
{
    public string Culture => HttpContext.Culture();

    /// <summary>A path inside the current language: Href("opportunities") → /ru/opportunities.</summary>
    public string Href(string path) => $"/{Culture}/{path.TrimStart('/')}";
}
