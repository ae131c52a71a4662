using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Account;

/// <summary>POST only (with antiforgery), so a link on another site cannot sign anybody out.</summary>
public sealed class LogoutModel(SignInManager<PortalUser> signIn) : PortalPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect($"/{Culture}/");
    }
}
