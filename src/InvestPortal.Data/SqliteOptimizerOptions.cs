using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Data;

/// <summary>Section "Database:Optimizer": how often <see cref="SqliteOptimizer"/> refreshes SQLite's planner statistics (zero turns it off).</summary>
public sealed class SqliteOptimizerOptions
{
    public const string Section = "Database:Optimizer";
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
