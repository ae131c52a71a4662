using System.ComponentModel.DataAnnotations;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using InvestPortal.Web.Accounts;

namespace InvestPortal.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class RegisterModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, EqualWork equalWork) : PortalPageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();
    public bool Done { get; private set; }

    public void OnGet(string? role) => Input.Role = role == Roles.Enterprise ? Roles.Enterprise : Roles.Investor;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, message) in Input.OrganizationErrors()) ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid) return Page();

        var user = new PortalUser
        {
            UserName = Input.Email, Email = Input.Email, DisplayName = Input.DisplayName.Trim(), PreferredCulture = Culture,
        };
        // Password rules apply alike whether or not the address has an account, or a weak password would tell.
        var weak = await PasswordErrorsAsync(user);
        if (weak.Count > 0)
        {
            foreach (var e in weak) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }

        // Someone registering an address that already has an account sees the same result as a new registration, and
        // the server does the same work (one password hash, one email queued), so neither the answer nor its timing
        // tells who uses the portal. The owner of the address is told by email instead.
        if (await users.FindByEmailAsync(Input.Email) is { } existing)
        {
            equalWork.HashForNobody(Input.Password);
            if (existing.EmailConfirmed) await emails.SendAlreadyRegisteredAsync(existing, ct);
            else
            {
                // They registered before and lost the email: a fresh link gets them in.
                var again = await users.GenerateEmailConfirmationTokenAsync(existing);
                await emails.SendEmailConfirmationAsync(existing, AccountLinks.ConfirmEmail(existing.Id, again), ct);
            }
            Done = true;
            return Page();
        }

        // Validated above; hashing here keeps the work to one validation and one hash, as for an existing address.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Input.Password);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Input.Role);
        if (Input.HasOrganization)
        {
            // Self-registered organizations stay unverified until an admin checks them; owners see the mark.
            var org = Input.ToOrganization(Culture);
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org.Id });
        }
        db.Audit("register", "user", user.Id, user.Email, Input.Role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await emails.SendEmailConfirmationAsync(user, AccountLinks.ConfirmEmail(user.Id, token), ct);
        Done = true;
        return Page();
    }

    private async Task<List<IdentityError>> PasswordErrorsAsync(PortalUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        return errors;
    }
}
