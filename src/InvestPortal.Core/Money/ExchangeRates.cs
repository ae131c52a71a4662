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

    public decimal ToCny(decimal amount, string currency) =>
        _toCny.TryGetValue(currency.ToUpperInvariant(), out var rate)
            ? amount * rate
            : throw new ArgumentException($"No exchange rate for {currency}.", nameof(currency));

    public decimal Convert(decimal amount, string from, string to) => ToCny(amount, from) / ToCny(1m, to);

    public static IReadOnlyList<ExchangeRate> LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        var rows = JsonSerializer.Deserialize<List<RateDto>>(stream, JsonOptions) ?? [];
        return rows.Select(r => new ExchangeRate { Currency = r.Currency, AsOf = r.AsOf, RateToCny = r.RateToCny }).ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record RateDto(string Currency, DateOnly AsOf, decimal RateToCny);
}
