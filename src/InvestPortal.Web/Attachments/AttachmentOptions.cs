namespace InvestPortal.Web.Attachments;

/// <summary>Section "Attachments": limits on the files officials attach to an opportunity.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";
    /// <summary>Largest accepted file, in bytes (default 10 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>Most files on one opportunity.</summary>
    public int MaxFiles { get; set; } = 10;
    /// <summary>Folder (DataPath/uploads) or Database. Unset: Database with PostgreSQL (several nodes), Folder with SQLite.</summary>
    public AttachmentStoreKind? Store { get; set; }
}
