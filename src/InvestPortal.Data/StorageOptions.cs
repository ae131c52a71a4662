using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Data;

/// <summary>Root-level settings: where the portal keeps its files and finds its content.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder of the SQLite file, the Lucene index, the mail pickup folder, uploads. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";
    /// <summary>The repository's content/ folder (taxonomy, glossary, rates, demo data, templates); when empty: the copy published next to the app, else found by walking up.</summary>
    public string? ContentPath { get; set; }
}
