using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Web.Accounts;

/// <summary>
/// Self-registration: the user, their role, their organization (unverified) and the audit line in one transaction,
/// then the confirmation email. An address that already has an account gets the same answer and the same work.
/// </summary>
public sealed class Registration(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, EqualWork equalWork)
{
    public async Task<RegistrationResult> RegisterAsync(RegisterInput input, string culture, CancellationToken ct = default)
    {
        var user = new PortalUser
        {
            UserName = input.Email, Email = input.Email, DisplayName = input.DisplayName.Trim(), PreferredCulture = culture,
        };
        // Password rules apply alike whether or not the address has an account, or a weak password would tell.
        var weak = await PasswordErrorsAsync(user, input.Password);
        if (weak.Count > 0) return new RegistrationResult(RegistrationOutcome.PasswordRejected, weak);

        // Someone registering an address that already has an account sees the same result as a new registration, and
        // the server does the same work (one password hash, one email queued), so neither the answer nor its timing
        // tells who uses the portal. The owner of the address is told by email instead.
        if (await users.FindByEmailAsync(input.Email) is { } existing)
        {
            equalWork.HashForNobody(input.Password);
            if (existing.EmailConfirmed) await emails.SendAlreadyRegisteredAsync(existing, ct);
            else
            {
                // They registered before and lost the email: a fresh link gets them in.
                var again = await users.GenerateEmailConfirmationTokenAsync(existing);
                await emails.SendEmailConfirmationAsync(existing, AccountLinks.ConfirmEmail(existing.Id, again), ct);
            }
            return new RegistrationResult(RegistrationOutcome.Done, []);
        }

        // Validated above; hashing here keeps the work to one validation and one hash, as for an existing address.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded) return new RegistrationResult(RegistrationOutcome.PasswordRejected, result.Errors.Select(e => e.Description).ToList());
        await users.AddToRoleAsync(user, input.Role);
        if (input.HasOrganization)
        {
            // Self-registered organizations stay unverified until an admin checks them; owners see the mark.
            var org = input.ToOrganization(culture);
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org.Id });
        }
        db.Audit("register", "user", user.Id, user.Email, input.Role);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await emails.SendEmailConfirmationAsync(user, AccountLinks.ConfirmEmail(user.Id, token), ct);
        return new RegistrationResult(RegistrationOutcome.Done, []);
    }

    private async Task<List<string>> PasswordErrorsAsync(PortalUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        return errors;
    }
}
