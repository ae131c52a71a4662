using InvestPortal.Core.Money;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvestPortal.Data;

/// <summary>
/// Stores a decimal as a double in SQLite (which has no decimal type) and reads it back through
/// <see cref="MoneyRule.FromStored"/>: a stored value beyond decimal's range (or NaN) is read as the nearest amount the
/// rule allows instead of throwing OverflowException on every page that loads the row.
/// </summary>
public sealed class DecimalToSafeDoubleConverter() : ValueConverter<decimal, double>(
    v => (double)v,
    v => MoneyRule.FromStored(v));
