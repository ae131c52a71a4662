using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Web.Accounts;

/// <summary>The two essential account emails, queued through the outbox in the user's own language.</summary>
public sealed class AccountEmails(Notifier notifier, PortalDbContext db)
{
    /// <param name="linkPath">Relative to /{culture}/, e.g. "account/confirm-email?userId=…&amp;token=…".</param>
    public Task SendEmailConfirmationAsync(PortalUser user, string linkPath, CancellationToken ct = default) =>
        QueueAsync(user, EmailTemplates.AccountConfirmEmail, linkPath, ct);

    /// <summary>Someone tried to register an address that already has a confirmed account.</summary>
    public Task SendAlreadyRegisteredAsync(PortalUser user, CancellationToken ct = default) =>
        QueueAsync(user, EmailTemplates.AccountAlreadyRegistered, "account/login", ct);

    public Task SendPasswordResetAsync(PortalUser user, string linkPath, CancellationToken ct = default) =>
        QueueAsync(user, EmailTemplates.AccountPasswordReset, linkPath, ct);

    private async Task QueueAsync(PortalUser user, string template, string linkPath, CancellationToken ct)
    {
        await notifier.QueueAsync(db, new EmailRequest
        {
            Template = template,
            ToAddress = user.Email!,
            ToName = user.DisplayName,
            Culture = user.PreferredCulture,
            LinkPath = linkPath,
            IsEssential = true,
            UserId = user.Id,
            // Each request is its own email: a second "forgot password" must send a fresh link.
            IdempotencyKey = $"{template}:{user.Id}:{Guid.NewGuid():N}",
        }, ct);
        await db.SaveChangesAsync(ct);
    }
}
