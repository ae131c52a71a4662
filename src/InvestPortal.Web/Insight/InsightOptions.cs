using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Insight;

/// <summary>Section "Insight": how often counted page views are written to the database.</summary>
public sealed class InsightOptions
{
    public const string Section = "Insight";

    /// <summary>Views are summed in memory and written in one batch per interval (and at shutdown).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")] public TimeSpan ViewFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
