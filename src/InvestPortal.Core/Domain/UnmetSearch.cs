namespace InvestPortal.Core.Domain;

/// <summary>
/// Searches that found nothing, summed per normalized query, interface language and filters. It never
/// says who searched: no user, no address, no session; only how often and when first and last.
/// </summary>
public class UnmetSearch
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Lower-cased, whitespace-collapsed words; empty when only filters were used.</summary>
    public string Query { get; set; } = "";
    public string Culture { get; set; } = Cultures.En;
    /// <summary>The filters in a canonical form ("sector=energy;location=231100;band=m100-1b"), empty for none.</summary>
    public string Filters { get; set; } = "";
    public int Count { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
