using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PortalPageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : $"/{Culture}/my");
        // One message for "no such user" and "wrong password", so the form reveals nothing about who has an account.
        // Identity reports "locked" and "not confirmed" before it checks the password, so those are said only
        // to someone who proved they know it: otherwise any address could be probed for a locked account.
        var owner = result.IsLockedOut || result.IsNotAllowed ? await OwnerByPasswordAsync() : null;
        ModelState.AddModelError("", owner is null ? "Login.Invalid"
            : result.IsLockedOut ? (UserAdmin.IsSuspended(owner) ? "Login.Suspended" : "Login.LockedOut")
            : "Login.NotConfirmed");
        return Page();
    }

    /// <summary>The account, if the typed password is its password (checking does not count as a failed sign-in).</summary>
    private async Task<PortalUser?> OwnerByPasswordAsync() =>
        await users.FindByEmailAsync(Input.Email) is { } user && await users.CheckPasswordAsync(user, Input.Password) ? user : null;

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
