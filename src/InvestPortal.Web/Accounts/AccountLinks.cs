using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Web.Accounts;

/// <summary>Paths (relative to /{culture}/) of the pages account emails lead to.</summary>
public static class AccountLinks
{
    public static string ConfirmEmail(string userId, string token) =>
        $"account/confirm-email?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    public static string ResetPassword(string email, string token) =>
        $"account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
}
