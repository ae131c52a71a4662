using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Landing;

/// <summary>Section "Landing": the public funnel's privacy floor and how long its figures are reused.</summary>
public sealed class LandingOptions
{
    public const string Section = "Landing";

    /// <summary>
    /// A city, sector or month with fewer interests than this is not shown: with one or two interests a
    /// reader could tell which investor talked to which project, and a rate of one in two says nothing.
    /// </summary>
    [Range(3, 1000)] public int MinGroupInterests { get; set; } = 3;
    /// <summary>Months of trend the funnel shows, the current month included.</summary>
    [Range(1, 60)] public int TrendMonths { get; set; } = 12;
    /// <summary>
    /// The funnel aggregates every listing and interest; it is computed at most once per this many seconds
    /// (0 computes it for every request; it is also off whenever OutputCache:Seconds is 0).
    /// </summary>
    [Range(0, 86400)] public int CacheSeconds { get; set; } = 300;
}
