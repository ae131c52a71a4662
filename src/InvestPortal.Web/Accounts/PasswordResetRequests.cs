using InvestPortal.Data;
using InvestPortal.Notifications.Outbox;

namespace InvestPortal.Web.Accounts;

/// <summary>"Forgot password": queues the request as it is, for any address (see <see cref="PasswordResetRequestHandler"/>).</summary>
public sealed class PasswordResetRequests(PortalDbContext db, OutboxDispatcher dispatcher)
{
    public async Task RequestAsync(string email, string culture, CancellationToken ct = default)
    {
        // Looking the account up, making the token and queuing the email happen later in the outbox. The answer and the
        // work behind it are the same whether or not the address has an account, so neither tells who uses the portal.
        PasswordResetRequestHandler.Enqueue(db, email.Trim(), culture);
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
    }
}
