using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace InvestPortal.Notifications.Email;

/// <summary>The Message-Id of an email is a function of its outbox idempotency key.</summary>
public static class MessageIds
{
    /// <summary>
    /// "{hash of the key}@{sender's domain}": a retry after a crash carries the same id, so receiving
    /// systems (and the pickup folder) can recognise the duplicate. Hashing keeps any key a valid id.
    /// </summary>
    public static string For(string idempotencyKey, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var sender) && sender.Domain is { Length: > 0 } d ? d : "localhost";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..40];
        return $"{hash}@{domain}";
    }
}
