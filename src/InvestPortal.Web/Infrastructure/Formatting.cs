using System.Globalization;
using InvestPortal.Core.Domain;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Money and dates the way each readership writes them: 3亿 元, 300 млн ₽, 300 million CNY.</summary>
public static class Formatting
{
    public static CultureInfo CultureInfoFor(string culture) => CultureInfo.GetCultureInfo(Cultures.HtmlLang(culture));

    public static string Money(decimal amount, string currency, string culture)
    {
        var ci = CultureInfoFor(culture);
        return culture switch
        {
            Cultures.Zh when amount >= 100_000_000m => $"{(amount / 100_000_000m).ToString("0.##", ci)} 亿{ZhCurrency(currency)}",
            Cultures.Zh when amount >= 10_000m => $"{(amount / 10_000m).ToString("#,0.##", ci)} 万{ZhCurrency(currency)}",
            Cultures.Zh => $"{amount.ToString("#,0", ci)} {ZhCurrency(currency)}",
            Cultures.Ru when amount >= 1_000_000_000m => $"{(amount / 1_000_000_000m).ToString("0.##", ci)} млрд {currency}",
            Cultures.Ru when amount >= 1_000_000m => $"{(amount / 1_000_000m).ToString("0.##", ci)} млн {currency}",
            Cultures.Ru => $"{amount.ToString("#,0", ci)} {currency}",
            _ when amount >= 1_000_000_000m => $"{currency} {(amount / 1_000_000_000m).ToString("0.##", ci)} billion",
            _ when amount >= 1_000_000m => $"{currency} {(amount / 1_000_000m).ToString("0.##", ci)} million",
            _ => $"{currency} {amount.ToString("#,0", ci)}",
        };
    }

    private static string ZhCurrency(string currency) => currency switch
    {
        "CNY" => "元",
        "RUB" => "卢布",
        "USD" => "美元",
        "EUR" => "欧元",
        _ => " " + currency,
    };

    public static string Date(DateTimeOffset? date, string culture) =>
        date?.ToString("D", CultureInfoFor(culture)) ?? "";

    public static string Number(long value, string culture) => value.ToString("N0", CultureInfoFor(culture));
}
