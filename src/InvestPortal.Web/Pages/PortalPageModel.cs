using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Localization;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InvestPortal.Web.Pages;

/// <summary>Base of every page: knows the page's language (zh, ru, en) from its URL, and who is signed in.</summary>
public abstract class PortalPageModel : PageModel
{
    public string Culture => HttpContext.Culture();

    /// <summary>A path inside the current language: Href("opportunities") → /ru/opportunities.</summary>
    public string Href(string path) => CultureUrls.Href(Culture, path);

    /// <summary>
    /// Href(path) with the query string a form posted along as "back" (a list's filters and page), when it is a plain
    /// query string; anything else is dropped, so the redirect never leaves the path.
    /// </summary>
    protected string HrefBack(string path)
    {
        var back = Request.HasFormContentType ? Request.Form["back"].ToString() : "";
        return back.StartsWith('?') && !back.Contains("//", StringComparison.Ordinal) ? Href(path) + back : Href(path);
    }

    /// <summary>The signed-in user's id (null for a visitor), read from the sign-in cookie as Identity wrote it.</summary>
    protected string? UserId => HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>().GetUserId(User);

    /// <summary>The author of a change, for the audit log: the one way a page names who did something.</summary>
    protected Actor Actor => new(UserId, User.Identity?.Name);
}
