using InvestPortal.Core.Domain;
using InvestPortal.Web.Accounts;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class RegisterModel(Registration registration) : PortalPageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();
    public bool Done { get; private set; }

    public void OnGet(string? role) => Input.Role = role == Roles.Enterprise ? Roles.Enterprise : Roles.Investor;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddFieldErrors("Input", Input.OrganizationErrors());
        if (!ModelState.IsValid) return Page();
        var result = await registration.RegisterAsync(Input, Culture, ct);
        switch (result.Outcome)
        {
            case RegistrationOutcome.PasswordRejected:
                ModelState.AddFieldErrors("Input", result.PasswordErrors.Select(e => (nameof(Input.Password), e)));
                break;
            case RegistrationOutcome.Done:
                Done = true;
                break;
        }
        return Page();
    }
}
