using MimeKit;
using Microsoft.Extensions.Options;

namespace InvestPortal.Notifications.Options;

internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero) errors.Add("Outbox:PollInterval must be positive.");
        if (options.BaseDelay <= TimeSpan.Zero) errors.Add("Outbox:BaseDelay must be positive.");
        if (options.MaxDelay < options.BaseDelay) errors.Add("Outbox:MaxDelay must not be less than Outbox:BaseDelay.");
        if (options.LeaseDuration <= TimeSpan.Zero) errors.Add("Outbox:LeaseDuration must be positive.");
        if (options.HandlerTimeout <= TimeSpan.Zero) errors.Add("Outbox:HandlerTimeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
