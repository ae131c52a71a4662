using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Web.Demand;

namespace InvestPortal.IntegrationTests.Demand;

/// <summary>Ticket bands in CNY: a search, a profile and a listing in different currencies meet in one band.</summary>
public sealed class TicketBandsTests
{
    private static readonly ExchangeRateTable Rates = new([
        new ExchangeRate { Currency = "RUB", AsOf = new DateOnly(2026, 12, 1), RateToCny = 0.08m },
        new ExchangeRate { Currency = "USD", AsOf = new DateOnly(2026, 12, 1), RateToCny = 7.2m },
    ]);

    [Theory]
    [InlineData("0", TicketBands.Small)]
    [InlineData("9999999.99", TicketBands.Small)]
    [InlineData("10000000", TicketBands.Medium)]
    [InlineData("99999999.99", TicketBands.Medium)]
    [InlineData("100000000", TicketBands.Large)]
    [InlineData("1000000000", TicketBands.Huge)]
    public void Each_band_starts_at_its_lower_bound(string cny, string band) =>
        Assert.Equal(band, TicketBands.Of(decimal.Parse(cny, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_listing_in_roubles_and_a_search_in_dollars_meet_in_the_same_band()
    {
        // 600 million RUB = 48 million CNY; a search "up to 10 million USD" = 72 million CNY: both 10–100 million.
        Assert.Equal(TicketBands.Medium, TicketBands.OfListing(600_000_000m, "RUB", Rates));
        Assert.Equal(TicketBands.Medium, TicketBands.OfRange(null, 10_000_000m, "USD", Rates));
    }

    [Fact]
    public void A_range_is_banded_by_its_upper_bound_else_its_lower_bound()
    {
        Assert.Equal(TicketBands.Large, TicketBands.OfRange(5_000_000m, 200_000_000m, "CNY", Rates));
        Assert.Equal(TicketBands.Small, TicketBands.OfRange(5_000_000m, null, "CNY", Rates));
    }

    [Theory]
    [InlineData(null, null, "CNY")]
    [InlineData("0", null, "CNY")]
    [InlineData("5000000", null, "XXX")]
    public void A_range_that_says_nothing_or_an_unknown_currency_has_no_band(string? min, string? max, string currency) =>
        Assert.Null(TicketBands.OfRange(Parse(min), Parse(max), currency, Rates));

    [Fact]
    public void A_listing_in_an_unknown_currency_is_banded_as_if_in_yuan() =>
        Assert.Equal(TicketBands.Medium, TicketBands.OfListing(50_000_000m, "XXX", Rates));

    private static decimal? Parse(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
