using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Data;

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    [AllowedValues("Sqlite", "Postgres")]
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Apply migrations at start (the `migrate` command does it explicitly).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
