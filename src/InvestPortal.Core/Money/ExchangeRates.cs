using System.Text.Json;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Money;

/// <summary>
/// Compares amounts in different currencies through a dated table (content/exchange-rates.json,
/// editable by admins). Everything is normalized to CNY, the currency most listings are written in.
/// </summary>
public sealed class ExchangeRateTable
{
    public const string BaseCurrency = "CNY";
    private readonly Dictionary<string, decimal> _toCny;

    public ExchangeRateTable(IEnumerable<ExchangeRate> rates)
    {
        // The newest rate of each currency wins.
        _toCny = rates.GroupBy(r => r.Currency.ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AsOf).First().RateToCny);
        _toCny[BaseCurrency] = 1m;
    }

    public bool Knows(string currency) => _toCny.ContainsKey(currency.ToUpperInvariant());

    /// <summary>
    /// The amount in CNY rounded to the fen (two decimals, halves away from zero). Every amount the engines compare —
    /// a listing's total and a search's bounds — goes through here, so both are exact fen values: the Lucene engine
    /// compares them as doubles and Elasticsearch's scaled_float (factor 100) stores round(v·100) and applies a
    /// gte bound as ceil(v·100) and lte as floor(v·100). Unrounded, a listing equal to a converted bound could be
    /// in on one engine and out on the other.
    /// </summary>
    public decimal ToCny(decimal amount, string currency) => decimal.Round(amount * Rate(currency), 2, MidpointRounding.AwayFromZero);

    /// <summary>Through the unrounded rates: rounding to the fen on the way would distort small rates (JPY, KRW).</summary>
    public decimal Convert(decimal amount, string from, string to) => amount * Rate(from) / Rate(to);

    private decimal Rate(string currency) =>
        _toCny.TryGetValue(currency.ToUpperInvariant(), out var rate)
            ? rate
            : throw new ArgumentException($"No exchange rate for {currency}.", nameof(currency));

    public static IReadOnlyList<ExchangeRate> LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        var rows = JsonSerializer.Deserialize<List<RateDto>>(stream, JsonOptions) ?? [];
        return rows.Select(r => new ExchangeRate { Currency = r.Currency, AsOf = r.AsOf, RateToCny = r.RateToCny }).ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record RateDto(string Currency, DateOnly AsOf, decimal RateToCny);
}
