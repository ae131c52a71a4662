using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Core.Money;

/// <summary>Why an amount was refused by <see cref="MoneyRule"/>.</summary>
public enum MoneyProblem
{
    None,
    /// <summary>Zero where only a positive amount makes sense, or negative anywhere.</summary>
    TooSmall,
    /// <summary>Above <see cref="MoneyRule.Max"/>.</summary>
    TooLarge,
    /// <summary>More decimals than <see cref="MoneyRule.MaxScale"/>.</summary>
    TooPrecise,
}
