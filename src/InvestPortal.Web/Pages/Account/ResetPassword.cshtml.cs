using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class ResetPasswordModel(UserManager<PortalUser> users) : PortalPageModel
{
    /// <summary>Whose password the link resets (query "userId"; not the signed-in user, who is nobody here).</summary>
    [BindProperty(SupportsGet = true, Name = "userId")] public string ResetUserId { get; set; } = "";
    /// <summary>Links sent before they carried the user id (still valid until their token expires).</summary>
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Account.NewPassword")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password), Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = !string.IsNullOrEmpty(ResetUserId) ? await users.FindByIdAsync(ResetUserId)
            : !string.IsNullOrEmpty(Email) ? await users.FindByEmailAsync(Email) : null;
        var result = user is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Identity.InvalidToken" })
            : await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == "InvalidToken" ? "" : nameof(Password), e.Description);
            return Page();
        }
        // A reset also proves the user can read their mail, and ends a lockout after failed sign-ins;
        // an admin's suspension stays until an admin lifts it.
        if (!UserAdmin.IsSuspended(user!)) await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        Done = true;
        return Page();
    }
}
