using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace InvestPortal.Notifications.Preferences;

/// <summary>
/// Signs and reads the token in one-click unsubscribe links. Data Protection encrypts and
/// authenticates it with the portal's shared key ring (kept in the database, so any node can
/// read any node's links). No expiry: an unsubscribe link in an old email must keep working,
/// and the worst a leaked one can do is switch off one kind of email for one person.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    public const string Purpose = "InvestPortal.Notifications.Unsubscribe.v1";
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    /// <summary>A URL-safe (base64url) token.</summary>
    public string Create(string subscriber, string topic) =>
        protector.Protect(JsonSerializer.Serialize(new Payload(subscriber, topic)));

    /// <summary>The claim, or null for a token that was not made here, was altered, or is malformed.</summary>
    public UnsubscribeClaim? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(token));
            return payload is { S.Length: > 0, T.Length: > 0 } ? new UnsubscribeClaim(payload.S, payload.T) : null;
        }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
        catch (JsonException) { return null; }
    }

    // Short property names keep the link short.
    private sealed record Payload(string S, string T);
}
