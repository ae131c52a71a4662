using InvestPortal.Core.Money;

namespace InvestPortal.Web.Demand;

/// <summary>
/// Ticket sizes in four bands of the CNY equivalent, wide enough that a search, a profile and a listing in
/// different currencies meet in one band: under 10 million, 10–100 million, 100 million–1 billion, 1 billion and more.
/// </summary>
public static class TicketBands
{
    public const string Small = "lt10m", Medium = "10m-100m", Large = "100m-1b", Huge = "gte1b";
    public static readonly IReadOnlyList<string> All = [Small, Medium, Large, Huge];

    public static string Of(decimal cny) =>
        cny < 10_000_000m ? Small : cny < 100_000_000m ? Medium : cny < 1_000_000_000m ? Large : Huge;

    /// <summary>A wanted range's band: its upper bound when given, else its lower bound above 0; null when neither says anything.</summary>
    public static string? OfRange(decimal? min, decimal? max, string currency, ExchangeRateTable rates)
    {
        var amount = max ?? (min > 0 ? min : null);
        if (amount is not { } a || !rates.Knows(currency)) return null;
        return Of(rates.ToCny(a, currency));
    }

    public static string OfListing(decimal total, string currency, ExchangeRateTable rates) =>
        Of(rates.Knows(currency) ? rates.ToCny(total, currency) : total);
}
