using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.My;

[EnableRateLimiting(RateLimits.Login)]
public sealed class PasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PortalPageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "My.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Account.NewPassword")]
    public string NewPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword), e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
