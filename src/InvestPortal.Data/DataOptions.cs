using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Data;

/// <summary>Root-level settings: where the portal keeps its files and finds its content.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder of the SQLite file, the Lucene index, the mail pickup folder, uploads. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";
    /// <summary>The repository's content/ folder (taxonomy, glossary, rates, demo data, templates); found by walking up when empty.</summary>
    public string? ContentPath { get; set; }
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    [AllowedValues("Sqlite", "Postgres")]
    public string Provider { get; set; } = "Sqlite";
    /// <summary>Apply migrations at start (the `migrate` command does it explicitly).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>Section "Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Load content/demo/ into an empty database at start.</summary>
    public bool Load { get; set; } = true;
}
