using InvestPortal.Core.Money;
using InvestPortal.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestPortal.Data;

/// <summary>Brings a database up to date at start: migrations, exchange rates, demo content into an empty catalogue.</summary>
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
    }

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
            using var reader = File.OpenText(file);
            var result = await importer.ImportAsync(reader, "demo-loader", isDemo: true, ct);
            if (!result.Succeeded)
                throw new InvalidDataException($"Demo file {file} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            db.ChangeTracker.Clear();
            log.LogInformation("Loaded demo content {File}: {Count} records", Path.GetFileName(file), result.Total);
        }
    }
}
