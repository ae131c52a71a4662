using System.Net;
using InvestPortal.Data;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Operations;

/// <summary>
/// README "Upgrades": `migrate` brings a database up to date, and a portal with Database:MigrateOnStart=false
/// (which leaves the schema to the operator) then serves on it.
/// </summary>
public abstract class UpgradeTests
{
    protected abstract IReadOnlyDictionary<string, string?> DatabaseSettings(string dataPath);

    [Fact]
    public async Task With_migrate_on_start_off_the_migrate_command_brings_a_new_database_up_to_date_for_the_portal()
    {
        var dataPath = TestPaths.NewTempFolder("investportal-upgrade");
        var settings = new Dictionary<string, string?>(DatabaseSettings(dataPath))
        {
            ["DataPath"] = dataPath, ["ContentPath"] = TestPaths.Content, ["Database:MigrateOnStart"] = "false", ["Demo:Load"] = "false",
        };
        var (code, output, error) = await CommandHost.RunAsync(settings, "migrate");
        Assert.True(code == 0, error);
        Assert.Equal("Database is up to date.", output.Trim());

        // The portal, told not to migrate, finds every migration applied (by the command) and serves.
        await using var portal = new SqlitePortalFactory();
        foreach (var (key, value) in settings) portal.Settings[key] = value;
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/en/")).StatusCode);
        Assert.Empty(await portal.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.NotEmpty(await portal.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
    }
}

public sealed class UpgradeOnSqlite : UpgradeTests
{
    protected override IReadOnlyDictionary<string, string?> DatabaseSettings(string dataPath) =>
        new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" };
}

public sealed class UpgradeOnPostgres : UpgradeTests
{
    protected override IReadOnlyDictionary<string, string?> DatabaseSettings(string dataPath) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = PostgresServer.CreateDatabase("upgrade"),
    };
}
