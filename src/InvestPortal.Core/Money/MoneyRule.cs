using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Core.Money;

/// <summary>
/// The one rule for every amount the portal accepts — the listing editor, the interest form, an investor's ticket
/// range, the API's and search page's amount filters and the importer all ask it. Amounts are stored as
/// numeric(20,4) on PostgreSQL and as doubles on SQLite, and are multiplied by exchange rates for search: an amount
/// up to 10^12 (a trillion, far above any provincial project) with at most 2 decimals fits all three exactly,
/// while a number near decimal.MaxValue passed the old "greater than zero" checks and then broke every page that
/// read it back.
/// </summary>
public static class MoneyRule
{
    /// <summary>The largest amount accepted in any currency.</summary>
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>Most decimals accepted: cents, kopecks and fen.</summary>
    public const int MaxScale = 2;

    /// <summary>Currencies amounts may be given in.</summary>
    public static IReadOnlyList<string> Currencies => PortalTaxonomy.Currencies;

    public static bool IsCurrency(string? code) => code is not null && PortalTaxonomy.Currencies.Contains(code);

    /// <summary>Checks one amount; <paramref name="allowZero"/> for lower bounds such as a ticket minimum or a search filter.</summary>
    public static MoneyProblem Check(decimal amount, bool allowZero = false)
    {
        if (amount < 0 || (amount == 0 && !allowZero)) return MoneyProblem.TooSmall;
        if (amount > Max) return MoneyProblem.TooLarge;
        if (decimal.Round(amount, MaxScale) != amount) return MoneyProblem.TooPrecise;
        return MoneyProblem.None;
    }

    public static bool IsValid(decimal amount, bool allowZero = false) => Check(amount, allowZero) == MoneyProblem.None;

    /// <summary>An English explanation for command-line tools and the API (pages use the localized "Money.*" texts).</summary>
    public static string Describe(MoneyProblem problem, bool allowZero = false) => problem switch
    {
        MoneyProblem.TooSmall => allowZero ? "must not be negative." : "must be greater than 0.",
        MoneyProblem.TooLarge => "must be at most 1000000000000 (10^12).",
        MoneyProblem.TooPrecise => $"may have at most {MaxScale} decimals.",
        _ => "is fine.",
    };

    /// <summary>
    /// A stored amount as the portal may use it. Rows written before this rule (or by hand) may hold anything a double
    /// can: NaN, infinities, or numbers beyond decimal's range, which would throw on every read of the row. They are
    /// read as the nearest amount within ±<see cref="Max"/> (NaN as 0), so the pages that show them, and the forms
    /// that let their owners correct them, keep working.
    /// </summary>
    public static decimal FromStored(double stored)
    {
        if (double.IsNaN(stored)) return 0m;
        if (stored >= (double)Max) return Max;
        if (stored <= -(double)Max) return -Max;
        return (decimal)stored;
    }
}
