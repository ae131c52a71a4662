using MimeKit;
using Microsoft.Extensions.Options;

namespace InvestPortal.Notifications.Options;

/// <summary>The rules data annotations cannot state: cross-field checks and parseable values.</summary>
internal sealed class MailOptionsValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
            errors.Add($"Mail:From '{options.From}' is not an email address.");
        // BaseUrl is the portal's public address, checked once by InvestPortal.Data's PublicUrlOptions validation.
        if (options.Transport == MailTransportKind.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
            errors.Add("Mail:Transport is Smtp but Mail:Smtp:Host is not set.");
        // Data annotations do not descend into Smtp, so its ranges are checked here.
        if (options.Smtp.Port is < 1 or > 65535) errors.Add($"Mail:Smtp:Port {options.Smtp.Port} is not a TCP port.");
        if (options.Smtp.TimeoutSeconds is < 1 or > 600) errors.Add("Mail:Smtp:TimeoutSeconds must be between 1 and 600.");
        if (!string.IsNullOrEmpty(options.Smtp.Username) && options.Smtp.Password is null)
            errors.Add("Mail:Smtp:Username is set but Mail:Smtp:Password is not.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
