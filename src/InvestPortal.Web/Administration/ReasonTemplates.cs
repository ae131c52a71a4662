using System.Globalization;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Ready-made rejection reasons in zh, ru and en (resource keys "ModerationReason.{code}"). The reason is sent in the
/// listing's original language, the one its authors wrote it in, whatever language the moderator reads.
/// </summary>
public static class ReasonTemplates
{
    public static readonly IReadOnlyList<string> Codes =
        ["missing-amount", "incomplete-translation", "unverifiable-contact", "duplicate-listing", "promotional-wording"];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The template's text in a given language, independent of the current request's language.</summary>
    public static string Text(IStringLocalizer l, string code, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Formatting.CultureInfoFor(culture);
            return l[$"ModerationReason.{code}"].Value;
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
