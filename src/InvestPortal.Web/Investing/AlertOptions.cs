using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Investing;

/// <summary>Section "Alerts": how often due saved-search digests are looked for.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>How often the digest check runs; a digest is due daily or weekly, so an hour is on time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first check soon after start, so a restart does not skip a day.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan DigestInitialDelay { get; set; } = TimeSpan.FromMinutes(1);
}
