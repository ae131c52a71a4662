using System.ComponentModel.DataAnnotations;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using InvestPortal.Web.Accounts;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class ForgotPasswordModel(PortalDbContext db, OutboxDispatcher dispatcher) : PortalPageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        // The request is queued as it is, for any address: looking the account up, making the token and queuing the
        // email happen later in the outbox (PasswordResetRequestHandler). The answer and the work behind it are the
        // same whether or not the address has an account, so neither tells who uses the portal.
        PasswordResetRequestHandler.Enqueue(db, Email.Trim(), Culture);
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
        Sent = true;
        return Page();
    }
}
