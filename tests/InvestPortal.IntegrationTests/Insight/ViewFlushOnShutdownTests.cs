using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace InvestPortal.IntegrationTests.Insight;

/// <summary>Views still in memory when the portal stops are written by the shutdown flush, not lost.</summary>
public abstract class ViewFlushOnShutdownTests<TFactory> where TFactory : PortalFactory, new()
{
    [Fact]
    public async Task Stopping_the_portal_writes_the_views_counted_since_the_last_flush()
    {
        using var factory = new TFactory();
        factory.Settings["Insight:ViewFlushInterval"] = "01:00:00"; // only the shutdown flush can write them
        factory.Settings["Listings:ExpiryEnabled"] = "false";
        var (_, owner) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(owner));
        var slug = await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == id);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return o.Slug;
        });
        using var reader = factory.CreateBrowserlikeClient();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 Firefox/133.0");
        for (var i = 0; i < 4; i++) await reader.GetDocumentAsync($"/zh/opportunities/{slug}");
        Assert.Equal(0, (await factory.OpportunityAsync(id)).ViewCount);

        await factory.Services.GetRequiredService<IHost>().StopAsync();

        var (total, day) = await factory.WithDbAsync(async db => (
            (await db.Opportunities.AsNoTracking().FirstAsync(o => o.Id == id)).ViewCount,
            await db.OpportunityDailyStats.AsNoTracking().SingleAsync(s => s.OpportunityId == id)));
        Assert.Equal((4, 4), (total, day.Views));
    }
}

public sealed class ViewFlushOnShutdownOnSqlite : ViewFlushOnShutdownTests<SqlitePortalFactory>;
public sealed class ViewFlushOnShutdownOnPostgres : ViewFlushOnShutdownTests<PostgresPortalFactory>;
