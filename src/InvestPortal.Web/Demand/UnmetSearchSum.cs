namespace InvestPortal.Web.Demand;

/// <summary>Zero-result searches summed in memory under one key, waiting to be written.</summary>
public sealed record UnmetSearchSum(string Query, string Culture, string Filters, int Count, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);
