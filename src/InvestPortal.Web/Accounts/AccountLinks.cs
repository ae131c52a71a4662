using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Web.Accounts;

/// <summary>Paths (relative to /{culture}/) of the pages account emails lead to.</summary>
public static class AccountLinks
{
    public static string ConfirmEmail(string userId, string token) =>
        $"account/confirm-email?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    /// <summary>By user id, not address: URLs end up in request logs, proxy logs and browser history.</summary>
    public static string ResetPassword(string userId, string token) =>
        $"account/reset-password?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
