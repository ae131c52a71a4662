using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.Web.Accounts;

/// <summary>
/// Carries out a "forgot password" request away from the request that made it: a confirmed account with that address
/// gets a reset link (in its own language); any other address gets nothing.
/// </summary>
public sealed class PasswordResetRequestHandler(UserManager<PortalUser> users, AccountEmails emails) : IOutboxHandler
{
    public const string OutboxKind = "account-password-reset-request";

    public string Kind => OutboxKind;

    public static void Enqueue(PortalDbContext db, string email, string culture) =>
        db.Enqueue(OutboxKind, new PasswordResetRequest(email, culture), $"{OutboxKind}:{Guid.NewGuid():N}");

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = message.ReadPayload<PasswordResetRequest>();
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null || !await users.IsEmailConfirmedAsync(user)) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await emails.SendPasswordResetAsync(user, AccountLinks.ResetPassword(user.Id, token), cancellationToken);
    }
}
