using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using Glossary = InvestPortal.Core.Glossary.Glossary;
using InvestPortal.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

/// <summary>Brings a database up to date at start: migrations, the glossary, exchange rates, demo content into an empty catalogue.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db, PortalPaths paths, Importer importer, IOptions<DemoOptions> demo, ILogger<DatabaseInitializer> log)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the outbox dispatcher writes.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
        // Here rather than in InitializeAsync: commands (import, reindex) only migrate, and they index with the glossary.
        await SeedGlossaryAsync(ct);
    }

    /// <summary>
    /// Copies content/glossary.jsonl into an empty glossary table in one insert. From then on the database is the
    /// glossary's source of truth (admins edit it there), so the file is never read again for an existing database.
    /// </summary>
    public async Task SeedGlossaryAsync(CancellationToken ct = default)
    {
        if (await db.GlossaryConcepts.AnyAsync(ct) || !File.Exists(paths.Glossary)) return;
        var now = DateTimeOffset.UtcNow;
        var entries = Glossary.Load(paths.Glossary).Concepts.Select(c => GlossaryEntry.From(c, now, SeedUser)).ToList();
        db.GlossaryConcepts.AddRange(entries);
        try
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Seeded the glossary with {Count} concepts from {File}.", entries.Count, paths.Glossary);
        }
        catch (DbUpdateException)
        {
            // Two nodes starting together both saw an empty table; the first one's rows are the same file's.
            db.ChangeTracker.Clear();
            if (!await db.GlossaryConcepts.AnyAsync(ct)) throw;
            log.LogInformation("The glossary was seeded by another process meanwhile.");
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>UpdatedBy of seeded concepts.</summary>
    public const string SeedUser = "content/glossary.jsonl";

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        await SeedExchangeRatesAsync(ct);
        if (demo.Value.Load) await LoadDemoAsync(ct);
    }

    private async Task SeedExchangeRatesAsync(CancellationToken ct)
    {
        if (await db.ExchangeRates.AnyAsync(ct) || !File.Exists(paths.ExchangeRates)) return;
        db.ExchangeRates.AddRange(ExchangeRateTable.LoadFile(paths.ExchangeRates));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads content/demo/*.jsonl only into a catalogue that has nothing yet, so demo data never mixes into real data.</summary>
    public async Task LoadDemoAsync(CancellationToken ct = default)
    {
        if (await db.Opportunities.AnyAsync(ct) || await db.InvestorProfiles.AnyAsync(ct)) return;
        if (!Directory.Exists(paths.Demo)) return;
        foreach (var file in Directory.GetFiles(paths.Demo, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var result = await importer.ImportFileAsync(file, "demo-loader", isDemo: true, ct);
            if (!result.Succeeded)
                throw new InvalidDataException($"Demo file {file} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            db.ChangeTracker.Clear();
            log.LogInformation("Loaded demo content {File}: {Count} records", Path.GetFileName(file), result.Total);
        }
        var activity = await Import.DemoActivity.LoadAsync(db, Path.Combine(paths.Demo, Import.DemoActivity.FileName), ct);
        db.ChangeTracker.Clear();
        if (activity > 0) log.LogInformation("Loaded demo activity: {Count} interests and outcomes", activity);
    }
}
