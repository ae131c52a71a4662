using InvestPortal.Data;
using InvestPortal.Web.Operations;

namespace InvestPortal.Web.Commands;

/// <summary><c>backup DIR</c> and <c>restore DIR [--force]</c>: see <see cref="PortalBackup"/> and README "Backups".</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1) throw new CommandException("usage: backup DIR");
        var backup = Create(services);
        try
        {
            var manifest = await backup.BackupAsync(args[0]);
            var bytes = manifest.Files.Sum(f => f.Bytes);
            await output.WriteLineAsync($"Backed up {manifest.Files.Count} files ({bytes:N0} bytes) at schema {manifest.SchemaMigration} into {Path.GetFullPath(args[0])}.");
            await output.WriteLineAsync("The search index is not copied: a restored portal rebuilds it from the database at start.");
            if (manifest.DatabaseNote is { } note) await output.WriteLineAsync(note + "  (run it before `backup`, so every attachment in the dump has its file here)");
            return 0;
        }
        catch (BackupException ex)
        {
            throw new CommandException(ex.Message);
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var force = args.Contains("--force");
        var rest = args.Where(a => a != "--force").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith("--", StringComparison.Ordinal)) throw new CommandException("usage: restore DIR [--force]");
        var backup = Create(services);
        try
        {
            var manifest = await backup.RestoreAsync(rest[0], force);
            await output.WriteLineAsync($"Restored {manifest.Files.Count} files of the backup taken {manifest.CreatedAt:u} (version {manifest.PortalVersion}, " +
                $"schema {manifest.SchemaMigration}) into {services.GetRequiredService<PortalPaths>().DataPath}.");
            await output.WriteLineAsync("The search index is rebuilt from the database when the portal starts.");
            if (!backup.IsSqlite)
                await output.WriteLineAsync("PostgreSQL: restore the database from the backup's dump with: pg_restore --clean --if-exists --no-owner --dbname=… investportal.pgdump");
            return 0;
        }
        catch (BackupException ex)
        {
            throw new CommandException(ex.Message);
        }
    }

    private static PortalBackup Create(IServiceProvider services) =>
        new(services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<PortalPaths>(), services.GetRequiredService<TimeProvider>());
}
