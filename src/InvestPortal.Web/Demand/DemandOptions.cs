using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Demand;

/// <summary>The "Demand" section: how zero-result searches are summed and how far back unmet demand looks.</summary>
public sealed class DemandOptions
{
    public const string Section = "Demand";

    /// <summary>Zero-result searches are summed in memory and written in one batch this often (and at shutdown).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Zero-result searches last seen longer ago than this no longer count as demand.</summary>
    [Range(1, 3650)]
    public int WindowDays { get; set; } = 180;
}
