using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Pages;

/// <summary>
/// Without statistics SQLite walked the whole catalogue for a page of search hits (0.35 s a page at 100,000
/// listings, see tests/InvestPortal.Benchmarks/README.md); the portal analyzes its SQLite database at start.
/// </summary>
public sealed class SqlitePlannerTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_portal_gives_sqlite_planner_statistics_at_start()
    {
        factory.CreateClient().Dispose();
        long analyzed = 0;
        for (var attempt = 0; attempt < 100 && analyzed == 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            analyzed = await factory.WithDbAsync(async db =>
                await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() == 0 ? 0
                : await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Opportunities'").SingleAsync());
        }
        Assert.True(analyzed > 0, "no statistics for Opportunities in sqlite_stat1");
    }
}
