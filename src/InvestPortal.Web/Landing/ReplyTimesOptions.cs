using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Web.Landing;

/// <summary>Section "ReplyTimes": when an unanswered interest reminds its owner, and when the admins hear of it.</summary>
public sealed class ReplyTimesOptions
{
    public const string Section = "ReplyTimes";

    /// <summary>Days without any answer from the owner before the owner organization's officials are reminded (N).</summary>
    [Range(1, 365)] public int OwnerReminderAfterDays { get; set; } = 5;
    /// <summary>Further days after the reminder, still without an answer, before the admins are told (M).</summary>
    [Range(1, 365)] public int AdminAlertAfterDays { get; set; } = 5;
    /// <summary>How often the background check runs; each run is cheap when nothing is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Wait after start before the first check, so a starting node is not slowed by it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Run the check in this process (every node may: each reminder is claimed with a conditional update).</summary>
    public bool Enabled { get; set; } = true;
}
