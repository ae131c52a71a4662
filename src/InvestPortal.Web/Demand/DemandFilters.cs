using InvestPortal.Core.Money;
using InvestPortal.Core.Search;

namespace InvestPortal.Web.Demand;

/// <summary>
/// The filters of a search in one canonical string ("sector=agri-food,energy;location=231100;band=10m-100m"), so the
/// same search from the page and the API, with codes in any order, is one aggregate row; and back again.
/// </summary>
public sealed record DemandFilters(IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations, string? Band,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Modes, IReadOnlyList<string> Stages)
{
    public static DemandFilters Of(OpportunityQuery q, ExchangeRateTable rates) => new(
        Sorted(q.Sectors), Sorted(q.Locations), TicketBands.OfRange(q.MinAmount, q.MaxAmount, q.Currency, rates),
        Sorted(q.PartnerRegions), Sorted(q.Modes), Sorted(q.Stages));

    public string Key
    {
        get
        {
            var parts = new List<string>();
            void Add(string name, IReadOnlyList<string> codes) { if (codes.Count > 0) parts.Add($"{name}={string.Join(',', codes)}"); }
            Add("sector", Sectors);
            Add("location", Locations);
            if (Band is not null) parts.Add($"band={Band}");
            Add("partner", Partners);
            Add("mode", Modes);
            Add("stage", Stages);
            return string.Join(';', parts);
        }
    }

    public static DemandFilters Parse(string key)
    {
        var map = key.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        IReadOnlyList<string> Get(string name) => map.TryGetValue(name, out var v) ? v : [];
        var band = Get("band");
        return new(Get("sector"), Get("location"), band.Count > 0 ? band[0] : null, Get("partner"), Get("mode"), Get("stage"));
    }

    private static List<string> Sorted(IReadOnlyList<string> codes) => codes.Distinct().Order(StringComparer.Ordinal).ToList();
}
