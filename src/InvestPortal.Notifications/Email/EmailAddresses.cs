using MimeKit;

namespace InvestPortal.Notifications.Email;

/// <summary>
/// Whether an address typed by someone can be sent to. Every place an address enters the portal asks this, with the
/// parser that later builds the message (MimeKit, strict RFC 5322): an address it refuses would make every email to it
/// fail in the outbox, so an account registered with it could never be confirmed.
/// </summary>
public static class EmailAddresses
{
    private static readonly ParserOptions Strict = CreateStrict();

    private static ParserOptions CreateStrict()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Strict;
        options.AllowAddressesWithoutDomain = false;
        return options;
    }

    /// <summary>True for one bare address (no display name, no list) that MimeKit parses strictly and can address a message to.</summary>
    public static bool CanSendTo(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254 || address != address.Trim()) return false;
        if (!MailboxAddress.TryParse(Strict, address, out var parsed) || parsed.Name is { Length: > 0 } || parsed.Address != address) return false;
        try
        {
            // The outbox builds the recipient this way (EmailOutboxHandler.Build).
            _ = new MailboxAddress("", address);
            return true;
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
