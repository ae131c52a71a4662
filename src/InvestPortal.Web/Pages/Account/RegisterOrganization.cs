using InvestPortal.Core.Domain;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages.Account;

public sealed partial class RegisterModel
{
    /// <summary>The organization part of the registration form: required for enterprises, optional for investors.</summary>
    public sealed partial class RegisterInput
    {
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
}
