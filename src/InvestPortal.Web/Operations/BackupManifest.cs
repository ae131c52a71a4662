namespace InvestPortal.Web.Operations;

/// <summary>
/// manifest.json of a backup folder: what wrote it, when, at which schema, and every file with its size and SHA-256,
/// so <c>restore</c> can refuse a folder that was cut short or changed since.
/// </summary>
public sealed record BackupManifest(
    int Format, string PortalVersion, DateTimeOffset CreatedAt, string Provider, string? SchemaMigration,
    string Index, string? DatabaseNote, IReadOnlyList<BackupManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
    /// <summary>The search index is not copied: restore leaves none, and the portal rebuilds it from the database at start.</summary>
    public const string IndexRebuild = "rebuild";
}
