using InvestPortal.Core.Money;
using Xunit;

namespace InvestPortal.UnitTests.Money;

public sealed class MoneyRuleTests
{
    [Theory]
    [InlineData("79228162514264337593543950335", false, MoneyProblem.TooLarge)]
    [InlineData("1000000000000.01", false, MoneyProblem.TooLarge)]
    [InlineData("1000000000000", false, MoneyProblem.None)]
    [InlineData("0", false, MoneyProblem.TooSmall)]
    [InlineData("0", true, MoneyProblem.None)]
    [InlineData("-1", true, MoneyProblem.TooSmall)]
    [InlineData("1000.555", false, MoneyProblem.TooPrecise)]
    [InlineData("1000.550", false, MoneyProblem.None)]
    [InlineData("0.01", false, MoneyProblem.None)]
    public void Amounts_are_judged_by_range_and_decimals(string amount, bool allowZero, MoneyProblem expected) =>
        Assert.Equal(expected, MoneyRule.Check(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), allowZero));

    [Theory]
    [InlineData(double.NaN, "0")]
    [InlineData(double.PositiveInfinity, "1000000000000")]
    [InlineData(7.9228162514264338e28, "1000000000000")]
    [InlineData(-1e300, "-1000000000000")]
    [InlineData(150000000.5, "150000000.5")]
    public void A_stored_double_is_read_as_an_amount_without_throwing(double stored, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MoneyRule.FromStored(stored));

    [Fact]
    public void Only_the_portal_currencies_are_accepted() =>
        Assert.Equal([true, true, true, true, false, false], new[] { "CNY", "RUB", "USD", "EUR", "cny", "XYZ" }.Select(c => MoneyRule.IsCurrency(c)));
}
