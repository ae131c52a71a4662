using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Data.Import;
using InvestPortal.Testing;
using InvestPortal.Web.Accounts;
using InvestPortal.Web.Attachments;
using InvestPortal.Web.Operations;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace InvestPortal.IntegrationTests.Operations;

/// <summary>
/// README "Backups": `backup DIR` beside a running portal that keeps writing, `restore DIR` into a fresh data folder,
/// and a portal started on it has everything that existed when the backup began.
/// </summary>
public abstract class BackupRestoreTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    protected TFactory Factory => factory;

    /// <summary>A command in its own host beside the running portal: same database, the given data folder.</summary>
    protected Task<(int Code, string Out, string Err)> RunCommandAsync(string dataPath, params string[] args)
    {
        var portal = factory.Services.GetRequiredService<IConfiguration>();
        return CommandHost.RunAsync(new[] { "ContentPath", "Database:Provider", "ConnectionStrings:Postgres" }
            .Select(k => new KeyValuePair<string, string?>(k, portal[k])).Append(new("DataPath", dataPath)), args);
    }

    /// <summary>One round of what a busy portal writes: a published listing, a user, a queued email, an uploaded file.</summary>
    protected async Task WriteOneOfEachAsync(string reference)
    {
        await factory.WithScopeAsync(async sp =>
        {
            var line = JsonNode.Parse(File.ReadLines(Path.Combine(TestPaths.Content, "demo", "opportunities.jsonl")).First())!;
            line["externalRef"] = reference;
            var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
            var imported = await sp.GetRequiredService<Importer>().ImportAsync(() => new MemoryStream(bytes), "backup-test", isDemo: false);
            Assert.True(imported.Errors.Count == 0, string.Join("; ", imported.Errors));

            var email = $"{reference.ToLowerInvariant()}@example.com";
            var created = await sp.GetRequiredService<UserManager<PortalUser>>().CreateAsync(
                new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = reference }, Infrastructure.Accounts.Password);
            Assert.True(created.Succeeded);

            var db = sp.GetRequiredService<PortalDbContext>();
            PasswordResetRequestHandler.Enqueue(db, email, "ru");
            await db.SaveChangesAsync();

            var opportunity = await db.Opportunities.SingleAsync(o => o.ExternalRef == reference);
            var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% brochure of {reference}\n%%EOF\n");
            var file = new FormFile(new MemoryStream(pdf), 0, pdf.Length, "file", $"{reference}.pdf");
            Assert.Null(await sp.GetRequiredService<AttachmentService>().AddAsync(opportunity, file, new Actor(null, "backup-test")));
            return 0;
        });
    }

    protected static string Sha256Of(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}

public sealed class BackupRestoreOnSqlite(SqlitePortalFactory factory) : BackupRestoreTests<SqlitePortalFactory>(factory)
{
    private sealed record Existing(HashSet<Guid> Listings, HashSet<string> Users, HashSet<Guid> Messages, Dictionary<Guid, (Guid Listing, string Sha256)> Attachments);

    [Fact]
    public async Task A_backup_taken_under_writes_restores_into_a_fresh_folder_with_every_listing_user_email_and_attachment()
    {
        _ = Factory.Services; // start the portal once, before two threads ask for it
        // Two writers keep publishing, registering, queuing and uploading while the backup runs.
        using var stop = new CancellationTokenSource();
        var rounds = 0;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await WriteOneOfEachAsync($"BK-{w}-{i}");
                Interlocked.Increment(ref rounds);
            }
        })).ToList();
        while (Volatile.Read(ref rounds) < 4) await Task.Delay(50);

        var existing = await Factory.WithDbAsync(async db => new Existing(
            (await db.Opportunities.Select(o => o.Id).ToListAsync()).ToHashSet(),
            (await db.Users.Select(u => u.Id).ToListAsync()).ToHashSet(),
            (await db.OutboxMessages.Select(m => m.Id).ToListAsync()).ToHashSet(),
            (await db.OpportunityAttachments.Select(a => new { a.Id, a.OpportunityId, a.Sha256 }).ToListAsync())
                .ToDictionary(a => a.Id, a => (a.OpportunityId, a.Sha256))));

        var backupFolder = Path.Combine(TestPaths.NewTempFolder("investportal-backup"), "backup");
        var (code, output, error) = await RunCommandAsync(Factory.DataPath, "backup", backupFolder);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(code == 0, error);
        Assert.Contains("rebuilds it from the database", output, StringComparison.Ordinal);

        using (var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backupFolder, BackupManifest.FileName))))
        {
            var root = manifest.RootElement;
            Assert.Equal("Sqlite", root.GetProperty("provider").GetString());
            Assert.Equal("rebuild", root.GetProperty("index").GetString());
            Assert.StartsWith("20", root.GetProperty("schemaMigration").GetString(), StringComparison.Ordinal);
            var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
            Assert.Contains("investportal.db", files.Keys);
            foreach (var (path, file) in files)
                Assert.Equal(file.GetProperty("sha256").GetString(), Sha256Of(Path.Combine(backupFolder, path)));
        }

        // The running portal's own folder is not empty: restore refuses it without --force.
        var refused = await RunCommandAsync(Factory.DataPath, "restore", backupFolder);
        Assert.Equal(2, refused.Code);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);

        var restoredData = TestPaths.NewTempFolder("investportal-restored");
        var restored = await RunCommandAsync(restoredData, "restore", backupFolder);
        Assert.True(restored.Code == 0, restored.Err);
        Assert.False(Directory.Exists(Path.Combine(restoredData, "index")));

        await using var portal = new SqlitePortalFactory();
        portal.Settings["DataPath"] = restoredData;
        portal.Settings["Demo:Load"] = "false";
        using var client = portal.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await portal.WithDbAsync(async db =>
        {
            var listings = (await db.Opportunities.Select(o => o.Id).ToListAsync()).ToHashSet();
            Assert.Empty(existing.Listings.Except(listings));
            var users = (await db.Users.Select(u => u.Id).ToListAsync()).ToHashSet();
            Assert.Empty(existing.Users.Except(users));
            var messages = (await db.OutboxMessages.Select(m => m.Id).ToListAsync()).ToHashSet();
            Assert.Empty(existing.Messages.Except(messages));
            var attachments = (await db.OpportunityAttachments.Select(a => a.Id).ToListAsync()).ToHashSet();
            Assert.Empty(existing.Attachments.Keys.Except(attachments));
            return 0;
        });
        foreach (var (id, (listing, sha256)) in existing.Attachments)
        {
            var file = Path.Combine(restoredData, "uploads", listing.ToString("N"), id.ToString("N"));
            Assert.True(File.Exists(file), $"attachment {id} has no file after restore");
            Assert.Equal(sha256, Sha256Of(file));
        }
        // The restored portal rebuilt its index from the restored database: search counts every published listing.
        var published = await portal.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == InvestPortal.Core.Domain.OpportunityStatus.Published));
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/opportunities?pageSize=1"));
        Assert.Equal(published, search.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/opportunities/BK-0-0")).StatusCode);
    }
}

public sealed class BackupOnPostgres(PostgresPortalFactory factory) : BackupRestoreTests<PostgresPortalFactory>(factory)
{
    [Fact]
    public async Task On_PostgreSQL_backup_gives_the_pg_dump_command_for_the_database_that_holds_the_attachments()
    {
        await WriteOneOfEachAsync("BKPG-1");
        var attachment = await Factory.WithDbAsync(db => db.OpportunityAttachments.Where(a => a.UploadedBy == "backup-test").FirstAsync());
        var backupFolder = Path.Combine(TestPaths.NewTempFolder("investportal-backup"), "backup");

        var (code, output, error) = await RunCommandAsync(Factory.DataPath, "backup", backupFolder);

        Assert.True(code == 0, error);
        Assert.Contains("pg_dump --format=custom --host=", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(backupFolder, PortalBackup.DatabaseFile)));
        // On PostgreSQL the attachment's bytes are a database row (Attachments:Store=Database), so pg_dump carries them.
        var stored = await Factory.WithDbAsync(db => db.OpportunityAttachmentContents.Where(c => c.AttachmentId == attachment.Id).Select(c => c.Bytes).SingleAsync());
        Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
        Assert.Contains("attachments stored in it", output, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backupFolder, BackupManifest.FileName)));
        Assert.Equal("Postgres", manifest.RootElement.GetProperty("provider").GetString());
    }
}
