using System.ComponentModel.DataAnnotations;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, AccountEmails emails) : PortalPageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email);
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await emails.SendPasswordResetAsync(user, AccountLinks.ResetPassword(user.Email!, token), ct);
        }
        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
