using System.Globalization;
using InvestPortal.Core.Money;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Turns <see cref="MoneyRule"/>'s verdict on a typed amount into the message shown next to the field.</summary>
public static class MoneyInput
{
    /// <summary>
    /// The localized error for a typed amount, or null when it is fine. <paramref name="invalidKey"/> is the form's own
    /// "not a number / not above zero" text; the range and decimals texts are shared by every form.
    /// </summary>
    public static string? Error(decimal? parsed, IStringLocalizer l, string invalidKey, bool allowZero = false) =>
        parsed is not { } amount ? l[invalidKey].Value : MoneyRule.Check(amount, allowZero) switch
        {
            MoneyProblem.None => null,
            MoneyProblem.TooLarge => l["Money.TooLarge"].Value,
            MoneyProblem.TooPrecise => l["Money.TooPrecise", MoneyRule.MaxScale].Value,
            _ => l[invalidKey].Value,
        };

    /// <summary>"1 500 000", "1500000.5" or "1500000,5": officials type amounts the way their language writes them.</summary>
    public static decimal? Parse(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var compact = new string(s.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray());
        if (compact.Count(c => c == ',') == 1 && !compact.Contains('.', StringComparison.Ordinal)) compact = compact.Replace(',', '.');
        else compact = compact.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
