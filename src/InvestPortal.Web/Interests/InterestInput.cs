using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Interests;

/// <summary>
/// What the interest form posts. Validated by hand (not by attributes) so each message names the
/// field in the reader's language and every typed value comes back unchanged on an error.
/// </summary>
public sealed class InterestInput
{
    public const int MessageMax = 4000;

    public string? Role { get; set; }
    public string? Amount { get; set; }
    public string? Currency { get; set; } = "CNY";
    public string? Message { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>Only asked of someone who has no organization yet (an investor without a profile).</summary>
    public string? OrganizationName { get; set; }

    // Methods, not properties: model validation reads every property, and these are only valid after Validate.
    public InterestRole ParsedRole() => Enum.Parse<InterestRole>(Role!, ignoreCase: false);
    public decimal? ParsedAmount() => MoneyInput.Parse(Amount);

    /// <summary>Adds one localized error per bad field, keyed "Input.{Field}" like the form's inputs.</summary>
    public void Validate(Action<string, string> error, IStringLocalizer l, bool needsOrganization)
    {
        if (!Enum.TryParse<InterestRole>(Role, ignoreCase: false, out _) || int.TryParse(Role, out _))
            error(nameof(Role), l["Interests.RoleRequired"]);
        if (!string.IsNullOrWhiteSpace(Amount) && MoneyInput.Error(ParsedAmount(), l, "Interests.AmountInvalid") is { } amountError)
            error(nameof(Amount), amountError);
        if (!string.IsNullOrWhiteSpace(Amount) && !MoneyRule.IsCurrency(Currency))
            error(nameof(Currency), l["Validation.Choice"]);
        if (string.IsNullOrWhiteSpace(Message)) error(nameof(Message), l["Validation.Required", l["Interests.Message"]]);
        else if (Message.Length > MessageMax) error(nameof(Message), l["Validation.Length", l["Interests.Message"], MessageMax]);
        if (string.IsNullOrWhiteSpace(ContactPerson)) error(nameof(ContactPerson), l["Validation.Required", l["Interests.ContactPerson"]]);
        else if (ContactPerson.Length > 200) error(nameof(ContactPerson), l["Validation.Length", l["Interests.ContactPerson"], 200]);
        if (!InvestPortal.Notifications.Email.EmailAddresses.CanSendTo(ContactEmail?.Trim()))
            error(nameof(ContactEmail), l["Validation.Email"]);
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !IsPhone(ContactPhone))
            error(nameof(ContactPhone), l["Interests.PhoneInvalid"]);
        if (needsOrganization)
        {
            if (string.IsNullOrWhiteSpace(OrganizationName)) error(nameof(OrganizationName), l["Validation.Required", l["Interests.OrganizationName"]]);
            else if (OrganizationName.Length > 200) error(nameof(OrganizationName), l["Validation.Length", l["Interests.OrganizationName"], 200]);
        }
    }

    /// <summary>Digits with the usual separators and an optional leading +, 5 to 32 characters: "+7 (4162) 22-33-44", "0456-1234567".</summary>
    private static bool IsPhone(string s)
    {
        var t = s.Trim();
        if (t.Length is < 5 or > 32) return false;
        var digits = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c)) digits++;
            else if (c == '+' && i == 0) continue;
            else if (c is not (' ' or '-' or '(' or ')' or '.')) return false;
        }
        return digits >= 5;
    }
}
