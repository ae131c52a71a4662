using InvestPortal.Core.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace InvestPortal.Web.Caching;

/// <summary>Section "OutputCache": seconds an anonymous page or API answer is reused (0 turns the cache off).</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "OutputCache";
    public int Seconds { get; set; } = 5;
    /// <summary>
    /// The home page's key figures (sums and counts over every published listing) are kept this long
    /// in memory, so a cache miss of the page does not re-aggregate the whole catalogue. 0 turns it off;
    /// it is also off whenever Seconds is 0.
    /// </summary>
    public int KeyFiguresSeconds { get; set; } = 60;
}
