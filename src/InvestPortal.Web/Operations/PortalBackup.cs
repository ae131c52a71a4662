using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using InvestPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace InvestPortal.Web.Operations;

/// <summary>
/// <c>backup DIR</c> and <c>restore DIR</c> (README "Backups"). A backup is taken while the portal runs:
/// <list type="bullet">
/// <item>SQLite through the online backup API, which copies every page inside one read transaction, so the copy is
/// the database as it was at one instant even while the portal writes (WAL readers do not block writers);</item>
/// <item>uploads after the database: an attachment's file is moved into place before its row commits, so every row
/// in the copy has its file (files added later are harmless extras);</item>
/// <item>no search index: another process owns it and writes it at any time, a file copy would not be consistent,
/// and it is derived data. The manifest says <c>"index": "rebuild"</c>; restore leaves no index, and the portal
/// rebuilds a missing index from the database at start (SearchIndexStartup).</item>
/// </list>
/// With PostgreSQL the database is the operator's pg_dump; the backup carries the uploads and says so.
/// </summary>
public sealed class PortalBackup(PortalDbContext db, PortalPaths paths, TimeProvider clock)
{
    public const string DatabaseFile = "investportal.db";
    public const string UploadsFolder = "uploads";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsSqlite => db.Database.IsSqlite();

    /// <summary>Writes a backup into <paramref name="folder"/>, which must be empty or not exist yet.</summary>
    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken ct = default)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"{folder} is not empty: back up into a new folder.");
        Directory.CreateDirectory(folder);
        var createdAt = clock.GetUtcNow();

        string? migration;
        string? note = null;
        if (IsSqlite)
        {
            var target = Path.Combine(folder, DatabaseFile);
            await using (var source = new SqliteConnection($"Data Source={paths.Database};Mode=ReadOnly;Pooling=False;Default Timeout=30"))
            await using (var destination = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await source.OpenAsync(ct);
                await destination.OpenAsync(ct);
                source.BackupDatabase(destination);
                // One self-contained file: the copy keeps no -wal beside it.
                await using var command = destination.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                await command.ExecuteNonQueryAsync(ct);
            }
            migration = await LastMigrationInAsync(target, ct);
        }
        else
        {
            migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            note = "PostgreSQL: the database (with the attachments stored in it) is not in this folder; uploads copied here are files from before the database store. Take the database with: " + PgDumpCommand(folder);
        }

        CopyUploads(paths.Uploads, Path.Combine(folder, UploadsFolder), ct);

        var files = new List<BackupManifestFile>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files.Add(await DescribeAsync(folder, file, ct));
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, PortalVersion, createdAt, IsSqlite ? "Sqlite" : "Postgres",
            migration, BackupManifest.IndexRebuild, note, files);
        await File.WriteAllTextAsync(Path.Combine(folder, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Checks the backup against its manifest, then puts its database and uploads into the DataPath. A data folder
    /// with anything in it is refused unless <paramref name="force"/>; then its database, uploads and index are replaced.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string folder, bool force, CancellationToken ct = default)
    {
        folder = Path.GetFullPath(folder);
        var manifestPath = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(manifestPath)) throw new BackupException($"{folder} has no {BackupManifest.FileName}: it is not a backup.");
        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
                ?? throw new BackupException($"{manifestPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new BackupException($"{manifestPath} is not a backup manifest: {ex.Message}");
        }
        if (manifest.Format != BackupManifest.CurrentFormat) throw new BackupException($"backup format {manifest.Format} is not known to this version.");

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) { problems.Add($"{file.Path}: outside the backup folder"); continue; }
            if (!File.Exists(path)) { problems.Add($"{file.Path}: missing"); continue; }
            var actual = await DescribeAsync(folder, path, ct);
            if (actual.Bytes != file.Bytes) problems.Add($"{file.Path}: {actual.Bytes} bytes, the manifest says {file.Bytes}");
            else if (!string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase)) problems.Add($"{file.Path}: SHA-256 differs from the manifest");
        }
        if (problems.Count > 0) throw new BackupException("the backup does not match its manifest, nothing restored:\n  " + string.Join("\n  ", problems));

        var hasDatabase = manifest.Files.Any(f => f.Path == DatabaseFile);
        if (IsSqlite != hasDatabase)
            throw new BackupException(hasDatabase
                ? "this backup holds a SQLite database, but Database:Provider is Postgres."
                : "this backup holds no database (it was taken on PostgreSQL: restore its pg_dump with pg_restore), but Database:Provider is Sqlite.");
        var known = db.Database.GetMigrations().LastOrDefault();
        if (manifest.SchemaMigration is { } taken && known is not null && string.CompareOrdinal(taken, known) > 0)
            throw new BackupException($"the backup's schema ({taken}) is newer than this version knows ({known}): restore it with the version that took it ({manifest.PortalVersion}).");

        var data = paths.DataPath;
        Directory.CreateDirectory(data);
        var present = Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        if (present.Count > 0 && !force)
            throw new BackupException($"the data folder {data} is not empty ({string.Join(", ", present.Take(5))}{(present.Count > 5 ? ", …" : "")}): " +
                "restore into an empty DataPath, or pass --force to replace its database, uploads and search index.");

        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(paths.Database + suffix);
        }
        foreach (var derived in new[] { paths.Uploads, paths.Index })
            if (Directory.Exists(derived)) Directory.Delete(derived, recursive: true);
        foreach (var file in manifest.Files)
        {
            var target = file.Path == DatabaseFile ? paths.Database : Path.Combine(data, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(folder, file.Path), target, overwrite: true);
        }
        return manifest;
    }

    /// <summary>The pg_dump command for this portal's database (libpq options; the password comes from PGPASSWORD or ~/.pgpass).</summary>
    public string PgDumpCommand(string folder)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        return $"pg_dump --format=custom --host={cs.Host} --port={cs.Port} --username={cs.Username} --dbname={cs.Database} " +
            $"--file={Path.Combine(Path.GetFullPath(folder), "investportal.pgdump")}";
    }

    public static string PortalVersion =>
        typeof(PortalBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PortalBackup).Assembly.GetName().Version?.ToString() ?? "unknown";

    private static async Task<string?> LastMigrationInAsync(string database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MigrationId FROM \"{HistoryRepository.DefaultTableName}\" ORDER BY MigrationId DESC LIMIT 1";
        return await command.ExecuteScalarAsync(ct) as string;
    }

    // Uploads are written as "*.part" and moved into place: a part file is an upload in progress, never a stored file.
    private static void CopyUploads(string source, string target, CancellationToken ct)
    {
        if (!Directory.Exists(source)) return;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (file.EndsWith(".part", StringComparison.Ordinal)) continue;
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            try { File.Copy(file, copy); }
            catch (FileNotFoundException) { /* deleted since it was listed: its row is gone or going too */ }
            catch (DirectoryNotFoundException) { /* its listing's folder was removed meanwhile */ }
        }
    }

    private static async Task<BackupManifestFile> DescribeAsync(string folder, string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupManifestFile(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), stream.Length, Convert.ToHexStringLower(hash));
    }
}
