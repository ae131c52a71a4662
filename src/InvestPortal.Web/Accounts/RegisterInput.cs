using System.ComponentModel.DataAnnotations;
using InvestPortal.Core.Domain;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Security;

namespace InvestPortal.Web.Accounts;

/// <summary>The registration form: the account, and the organization part (required for enterprises, optional for investors).</summary>
public sealed class RegisterInput
{
    [Required(ErrorMessage = "Validation.Required"), AllowedValues(Roles.Investor, Roles.Enterprise, ErrorMessage = "Validation.Choice")]
    [Display(Name = "Register.Role")]
    public string Role { get; set; } = Roles.Investor;

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.Length")]
    [Display(Name = "Register.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), SendableEmail, StringLength(254, ErrorMessage = "Validation.Length")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.Length"), Display(Name = "Register.OrgNameZh")]
    public string? OrgNameZh { get; set; }

    [StringLength(200, ErrorMessage = "Validation.Length"), Display(Name = "Register.OrgNameRu")]
    public string? OrgNameRu { get; set; }

    [StringLength(200, ErrorMessage = "Validation.Length"), Display(Name = "Register.OrgNameEn")]
    public string? OrgNameEn { get; set; }

    [Display(Name = "Register.Country")]
    public string? Country { get; set; }

    [StringLength(64, ErrorMessage = "Validation.Length"), Display(Name = "Register.RegistrationNumber")]
    public string? RegistrationNumber { get; set; }

    [StringLength(300, ErrorMessage = "Validation.Length"), Display(Name = "Register.Website")]
    public string? Website { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Account.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password), Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    private IEnumerable<string?> Names => [OrgNameZh, OrgNameRu, OrgNameEn];

    public bool HasOrganization => Names.Any(n => !string.IsNullOrWhiteSpace(n));

    private bool AnyDetail => HasOrganization || !string.IsNullOrWhiteSpace(Country)
        || !string.IsNullOrWhiteSpace(RegistrationNumber) || !string.IsNullOrWhiteSpace(Website);

    /// <summary>Field name and message key of each problem; an investor who leaves the block empty has none.</summary>
    public IEnumerable<(string Field, string Message)> OrganizationErrors()
    {
        var required = Role == Roles.Enterprise || AnyDetail;
        if (!required) yield break;
        if (!HasOrganization) yield return (nameof(OrgNameZh), "Register.OrgNameRequired");
        if (string.IsNullOrWhiteSpace(Country)) { if (Role == Roles.Enterprise) yield return (nameof(Country), "Register.CountryRequired"); }
        else if (!Countries.IsKnown(Country)) yield return (nameof(Country), "Validation.Country");
        if (!string.IsNullOrWhiteSpace(RegistrationNumber) && !RegistrationNumber.Trim().All(c => char.IsLetterOrDigit(c) || c is '-' or ' ' or '/' or '.'))
            yield return (nameof(RegistrationNumber), "Register.RegistrationNumberInvalid");
        if (!string.IsNullOrWhiteSpace(Website) && !IsWebAddress(Website.Trim()))
            yield return (nameof(Website), "Register.WebsiteInvalid");
    }

    /// <summary>Only http and https: a javascript: or file: "website" would become a link owners click.</summary>
    public static bool IsWebAddress(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.', StringComparison.Ordinal);

    public Organization ToOrganization(string pageCulture)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var org = new Organization
        {
            NameZh = Clean(OrgNameZh), NameRu = Clean(OrgNameRu), NameEn = Clean(OrgNameEn),
            Kind = Role == Roles.Enterprise ? OrganizationKind.Enterprise : OrganizationKind.Investor,
            Country = Clean(Country)?.ToUpperInvariant(), RegistrationNumber = Clean(RegistrationNumber), Website = Clean(Website),
            IsVerified = false,
        };
        // The name in the language of the page they registered in is taken as the original.
        org.Name = org.NameIn(pageCulture) is { Length: > 0 } name ? name : (org.NameZh ?? org.NameRu ?? org.NameEn)!;
        return org;
    }
}
