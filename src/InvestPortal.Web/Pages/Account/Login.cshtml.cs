using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, EqualWork equalWork) : PortalPageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            // An unknown address costs the same password check as a wrong password for a real one.
            equalWork.VerifyAgainstNobody(Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Href("my"));
        // One message for "no such user" and "wrong password", so the form reveals nothing about who has an account.
        // Identity reports "locked" and "not confirmed" before it checks the password, so those are said only
        // to someone who proved they know it: otherwise any address could be probed for a locked account.
        var owner = (result.IsLockedOut || result.IsNotAllowed) && user is not null && await users.CheckPasswordAsync(user, Input.Password) ? user : null;
        ModelState.AddModelError("", owner is null ? "Login.Invalid"
            : result.IsLockedOut ? (UserAdmin.IsSuspended(owner) ? "Login.Suspended" : "Login.LockedOut")
            : "Login.NotConfirmed");
        return Page();
    }

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
