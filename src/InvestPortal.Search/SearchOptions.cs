using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Search;

/// <summary>Configuration section "Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public SearchEngineKind Engine { get; set; } = SearchEngineKind.Lucene;
    /// <summary>Lucene index folder; defaults to DataPath/index.</summary>
    public string? IndexPath { get; set; }
    /// <summary>Rebuild from the database at start when the index is missing, corrupt or marked incomplete.</summary>
    public bool RebuildOnStart { get; set; } = true;
    /// <summary>
    /// When the pending index messages name at least this many listings and profiles, and at least half as many as
    /// the catalogue holds (a large import into a running portal), the first of them runs one rebuild that covers them
    /// all. A rebuild writes in bulk and merges once; message by message, every chunk commits, refreshes and sets off
    /// merges, which made 100,000 imported listings take 111 s to index against 45 s for a rebuild (Benchmarks README).
    /// Zero turns it off.
    /// </summary>
    public int RebuildForBacklogOf { get; set; } = 10_000;
    /// <summary>How often a node checks the database for glossary edits made on another node; zero turns polling off.</summary>
    public TimeSpan GlossaryRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// Open the index for searching only (set by read-only commands such as `matches`, not meant for the web): with
    /// Lucene no lock is taken, so the command runs while the portal owns the index.
    /// </summary>
    public bool ReadOnly { get; set; }
    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}
