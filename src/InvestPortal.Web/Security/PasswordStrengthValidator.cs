using InvestPortal.Data.Identity;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Security;

/// <summary>
/// Refuses passwords that are easy to guess, by zxcvbn's estimate (score below <c>Account:MinPasswordScore</c>): common
/// passwords and words, keyboard rows, sequences, repeats, dates, and the user's own email or name. zxcvbn explains
/// itself in English only, so what it found is mapped to the portal's own message in the visitor's language.
/// </summary>
public sealed class PasswordStrengthValidator(IStringLocalizer<SharedResource> l, IOptionsMonitor<AccountOptions> options) : IPasswordValidator<PortalUser>
{
    public const string TooCommon = "PasswordTooCommon";
    public const string Personal = "PasswordContainsPersonalInfo";
    public const string Predictable = "PasswordPredictable";
    public const string TooEasy = "PasswordTooEasy";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, UserInputs(user));
        if (result.Score >= options.CurrentValue.MinPasswordScore) return Task.FromResult(IdentityResult.Success);
        var code = Reason(result, password.Length);
        return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = l[$"Identity.{code}"] }));
    }

    /// <summary>
    /// The user's own words the estimator should know: the email, its local part, the name (as typed and without
    /// spaces) and the portal's name. Whole inputs only, not their single words: splitting would refuse ordinary
    /// passwords that merely share a short word with the name.
    /// </summary>
    private static List<string> UserInputs(PortalUser user)
    {
        var inputs = new List<string> { "investportal", "invest portal" };
        if (user.Email is { Length: > 0 } email)
        {
            inputs.Add(email.ToLowerInvariant());
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at > 0) inputs.Add(email[..at].ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            var name = user.DisplayName.Trim().ToLowerInvariant();
            inputs.Add(name);
            inputs.Add(string.Concat(name.Where(c => !char.IsWhiteSpace(c))));
        }
        return inputs;
    }

    private static string Reason(Zxcvbn.Result result, int length)
    {
        // The pattern covering most of the password decides the message.
        var main = result.MatchSequence
            .Where(m => m.Pattern != "bruteforce")
            .OrderByDescending(m => m.Token?.Length ?? 0)
            .FirstOrDefault();
        if (result.MatchSequence.OfType<Zxcvbn.Matcher.DictionaryMatch>().Any(m => m.DictionaryName == "user_inputs" && m.Token.Length >= 3))
            return Personal;
        if (main is null || (main.Token?.Length ?? 0) * 2 < length) return TooEasy;
        return main switch
        {
            Zxcvbn.Matcher.DictionaryMatch => TooCommon,
            _ => Predictable,
        };
    }
}
