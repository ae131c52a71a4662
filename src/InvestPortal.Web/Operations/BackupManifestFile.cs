namespace InvestPortal.Web.Operations;

/// <summary>One file of a backup: its path under the backup folder (with '/'), its length and SHA-256 (lower-case hex).</summary>
public sealed record BackupManifestFile(string Path, long Bytes, string Sha256);
