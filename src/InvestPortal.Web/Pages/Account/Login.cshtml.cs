using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInManager<PortalUser> signIn) : PortalPageModel
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
        ModelState.AddModelError("", result.IsLockedOut ? "Login.LockedOut" : result.IsNotAllowed ? "Login.NotConfirmed" : "Login.Invalid");
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
