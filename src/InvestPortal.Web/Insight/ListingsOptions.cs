using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Insight;

/// <summary>Section "Listings": when a published listing must be confirmed, and when an unconfirmed one closes.</summary>
public sealed class ListingsOptions
{
    public const string Section = "Listings";

    /// <summary>Days after publication or the last confirmation before the owner is asked to confirm.</summary>
    [Range(1, 3650)] public int ReminderAfterDays { get; set; } = 180;
    /// <summary>Days after the reminder before a listing nobody confirmed is closed.</summary>
    [Range(1, 3650)] public int CloseAfterReminderDays { get; set; } = 30;
    /// <summary>How often the background check runs; each run is cheap when nothing is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Wait after start before the first check, so a starting node is not slowed by it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Run the check in this process (every node may: the claims are conditional updates).</summary>
    public bool ExpiryEnabled { get; set; } = true;
}
