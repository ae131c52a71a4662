using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Account;

/// <summary>POST only (with antiforgery), so a link on another site cannot sign anybody out.</summary>
public sealed class LogoutModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PortalPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Deleting the cookie in this browser is not enough: a copy of it (stolen, or left in another tab's request)
        // would stay valid for its 14 days. A new security stamp makes every cookie issued before it fail its next
        // check (Account:SessionValidationInterval). That also ends the user's sessions on other devices: chosen on
        // purpose, as "sign out" on a shared office or café computer should leave nothing usable behind, and it needs
        // no session table on any node; the cost is signing in again elsewhere.
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect(Href(""));
    }
}
