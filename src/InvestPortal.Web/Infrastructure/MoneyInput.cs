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
}
