namespace InvestPortal.Core.Domain;

/// <summary>How many CNY one unit of a currency was worth on a day.</summary>
public class ExchangeRate
{
    public string Currency { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public decimal RateToCny { get; set; }
}
