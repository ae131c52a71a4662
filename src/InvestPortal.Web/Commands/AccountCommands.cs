using System.Security.Cryptography;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Commands;

/// <summary>Provisioned accounts: admins, and officials (government staff are never self-registered).</summary>
public static class AccountCommands
{
    public static Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1) throw new CommandException("usage: create-admin EMAIL");
        return ProvisionAsync(services, args[0], Roles.Admin, null, output);
    }

    public static Task<int> CreateUserAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length is not (2 or 4) || (args.Length == 4 && args[2] != "--organization"))
            throw new CommandException("usage: create-user EMAIL ROLE [--organization NAME]   (ROLE: Investor, Official, Enterprise, Admin)");
        var role = Roles.Normalize(args[1]) ?? throw new CommandException($"unknown role '{args[1]}'; use one of {string.Join(", ", Roles.All)}.");
        var organization = args.Length == 4 ? args[3] : null;
        if (role == Roles.Official && organization is null)
            throw new CommandException("an Official belongs to an organization: add --organization NAME.");
        return ProvisionAsync(services, args[0], role, organization, output);
    }

    /// <summary>
    /// All or nothing: everything that can be wrong (address, organization) is checked before anything is written,
    /// and the account, its role, its membership and the audit entry are saved in one transaction, so a failed run
    /// leaves no account behind whose one-time password was never shown.
    /// </summary>
    private static async Task<int> ProvisionAsync(IServiceProvider services, string email, string role, string? organizationName, TextWriter output)
    {
        if (!Notifications.Email.EmailAddresses.CanSendTo(email))
            throw new CommandException($"'{email}' is not an email address.");
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var db = services.GetRequiredService<PortalDbContext>();
        Organization? org = null;
        if (organizationName is not null)
        {
            org = await db.Organizations.FirstOrDefaultAsync(o => o.Name == organizationName);
            if (org is null)
            {
                var existing = await db.Organizations.OrderBy(o => o.Name).Select(o => o.Name).Take(10).ToListAsync();
                throw new CommandException($"no organization named '{organizationName}'; nothing was created. " +
                    (existing.Count == 0 ? "There are no organizations yet." : $"Existing: {string.Join(", ", existing)}"));
            }
        }
        await Infrastructure.RoleSeeder.EnsureRolesAsync(services);

        string? password = null;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
                password = OneTimePassword();
                Check(await users.CreateAsync(user, password));
            }
            if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
            if (org is not null && !await db.OrganizationMembers.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == org.Id))
                db.OrganizationMembers.Add(new OrganizationMember { UserId = user.Id, OrganizationId = org.Id });
            db.Audit("provision", "user", user.Id, $"cli:{Environment.UserName}", $"{email} as {role}" + (organizationName is null ? "" : $" of {organizationName}"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await output.WriteLineAsync($"{email} is {role}" + (organizationName is null ? "." : $" of {organizationName}."));
        if (password is not null)
        {
            var site = services.GetRequiredService<IOptions<MailOptions>>().Value.BaseUrl.TrimEnd('/');
            await output.WriteLineAsync($"One-time password: {password}");
            await output.WriteLineAsync($"Sign in at {site}{SignInPath} and change it at {site}{ChangePasswordPath} (or use 'forgot password' on the sign-in page).");
        }
        else
            await output.WriteLineAsync("The account already existed; its password is unchanged.");
        return 0;
    }

    /// <summary>Pages the output points to (tested to exist).</summary>
    public const string SignInPath = "/en/account/login";
    public const string ChangePasswordPath = "/en/my/password";

    /// <summary>20 random characters that always satisfy the password policy (a digit and a lowercase letter included).</summary>
    private static string OneTimePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = RandomNumberGenerator.GetItems<char>(letters + digits, 18)
            .Append(RandomNumberGenerator.GetItems<char>(digits, 1)[0])
            .Append(RandomNumberGenerator.GetItems<char>(letters.AsSpan(0, 24), 1)[0]);
        return new string(chars.ToArray());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new CommandException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
