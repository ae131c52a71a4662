using System.Net;
using System.Text;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Web.Demand;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Demand;

public abstract class UnmetDemandTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    /// <summary>A word no listing contains: letters only (six digits or more would be dropped as a possible phone number).</summary>
    private static string Word() => "qzx" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());

    private Task<int> FlushSearchesAsync() => factory.Services.GetRequiredService<UnmetSearchFlusher>().FlushAsync();

    private Task AddUnmetAsync(string filters, int count, string query = "", string culture = "ru") => factory.WithDbAsync(db =>
    {
        db.UnmetSearches.Add(new UnmetSearch
        {
            Query = query, Culture = culture, Filters = filters, Count = count,
            FirstSeenAt = DateTimeOffset.UtcNow.AddDays(-3), LastSeenAt = DateTimeOffset.UtcNow,
        });
        return db.SaveChangesAsync();
    });

    private async Task<Guid> PublishAsync(Guid organizationId, string sector, string location, decimal total)
    {
        var id = await factory.NewDraftAsync(organizationId);
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == id);
            (o.Status, o.PublishedAt, o.SectorCode, o.LocationCode, o.TotalAmount, o.Currency) =
                (OpportunityStatus.Published, DateTimeOffset.UtcNow, sector, location, total, "CNY");
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<IReadOnlyList<DemandCell>> CellsAsync() =>
        factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UnmetDemand>().AllAsync()).Cells);

    [Fact]
    public async Task Zero_result_searches_from_the_page_and_the_api_are_summed_by_words_language_and_filters_without_who_asked()
    {
        var word = Word();
        var (investor, user) = await factory.SignedInAsync(Roles.Investor);
        await investor.GetDocumentAsync($"/ru/opportunities?q={word}+Щъыжэ&sector=agri-food&location=231100");
        await investor.GetDocumentAsync($"/ru/opportunities?q=%20{word.ToUpperInvariant()}%20%20щЪЫЖЭ%20&location=231100&sector=agri-food");
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/opportunities?q={word}%20щъыжэ&sector=agri-food&location=231100&lang=ru")).StatusCode);
        // The same words in another language, and a second page, are other keys or no demand at all.
        await anonymous.GetDocumentAsync($"/en/opportunities?q={word}+щъыжэ&sector=agri-food&location=231100");
        await anonymous.GetDocumentAsync($"/ru/opportunities?q={word}+щъыжэ&sector=agri-food&location=231100&page=2");
        // Contact details typed into the search box are dropped before anything is kept.
        await investor.GetDocumentAsync($"/ru/opportunities?q={word}+{Uri.EscapeDataString(user.Email!)}+79141234567");
        await FlushSearchesAsync();

        var rows = await factory.WithDbAsync(db => db.UnmetSearches.AsNoTracking().Where(s => s.Query.Contains(word)).OrderBy(s => s.Culture).ThenBy(s => s.Filters).ToListAsync());
        Assert.Equal(3, rows.Count);
        var en = rows[0];
        Assert.Equal(("en", 1), (en.Culture, en.Count));
        var russian = rows.Single(r => r.Culture == "ru" && r.Filters.Length > 0);
        Assert.Equal(($"{word} щъыжэ", "sector=agri-food;location=231100", 3), (russian.Query, russian.Filters, russian.Count));
        Assert.True(russian.FirstSeenAt <= russian.LastSeenAt);
        var contact = rows.Single(r => r.Culture == "ru" && r.Filters.Length == 0);
        Assert.Equal(word, contact.Query);

        // Nothing about the searcher exists in the table: no column for it, and no value that names them.
        var columns = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(UnmetSearch))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["Count", "Culture", "Filters", "FirstSeenAt", "Id", "LastSeenAt", "Query"], columns);
        foreach (var row in rows)
        {
            Assert.DoesNotContain(user.Id, row.Query + row.Filters, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.com", row.Query, StringComparison.Ordinal);
            Assert.DoesNotContain("79141234567", row.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demand_is_grouped_by_sector_location_and_ticket_band_against_the_published_listings_that_fit()
    {
        // Da Hinggan Ling (232700) has no health listing: Mohe (232701) is one of its county-level cities.
        await AddUnmetAsync("sector=health-pharma;location=232701", 5, "中药材加工", "zh");
        await AddUnmetAsync("sector=health-pharma;location=232700;band=10m-100m", 2);
        var before = await CellsAsync();
        var any = before.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", null));
        var band = before.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", TicketBands.Medium));
        Assert.True(any.IsGap);
        Assert.True(any.Searches >= 5);
        Assert.Contains(any.TopQueries, q => q == new DemandQuery("中药材加工", "zh", 5));
        Assert.Equal((2, 0), (band.Searches, band.Listings));

        // A listing of 5 billion yuan fits "any size" but not the 10–100 million band; one of 50 million fits both.
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var organization = await factory.NewOrganizationAsync(ownerUser);
        await PublishAsync(organization, "health-pharma", "232701", 5_000_000_000);
        var middle = await CellsAsync();
        Assert.Equal(1, middle.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", null)).Listings);
        Assert.True(middle.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", TicketBands.Medium)).IsGap);

        var filling = await PublishAsync(organization, "health-pharma", "232701", 50_000_000);
        var after = await CellsAsync();
        Assert.Equal(1, after.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", TicketBands.Medium)).Listings);
        Assert.Equal(2, after.Single(c => (c.Sector, c.Location, c.Band) == ("health-pharma", "232700", null)).Listings);

        // Its owner is told on the listing's insight page that it answers that demand (the other one is not the only answer).
        var insight = await owner.GetDocumentAsync($"/ru/my/opportunities/{filling}/insight");
        var notice = insight.QuerySelector(".demand-filled");
        Assert.NotNull(notice);
        Assert.NotNull(notice.QuerySelector("[data-sector='health-pharma'][data-location='232700'][data-band='10m-100m']"));
        Assert.Null(notice.QuerySelector("[data-sector='health-pharma'][data-location='232700'][data-band='']"));
    }

    [Fact]
    public async Task An_official_sees_the_gaps_of_their_region_and_sectors_and_an_admin_sees_all_with_a_csv()
    {
        var (official, officialUser) = await factory.SignedInAsync(Roles.Official);
        var organization = await factory.NewOrganizationAsync(officialUser);
        await PublishAsync(organization, "tourism", "230400", 1000); // Hegang, tourism
        var word = Word();
        await AddUnmetAsync("sector=health-pharma;location=230400", 400, word);      // their region: shown
        await AddUnmetAsync("sector=health-pharma;location=230300", 6, word);      // Jixi: not theirs
        await AddUnmetAsync("sector=tourism;band=gte1b", 300, word);                // no place, their sector: shown
        await AddUnmetAsync("sector=petrochemicals;band=lt10m", 3, word);          // no place, another sector: not theirs

        var home = await official.GetDocumentAsync("/zh/my");
        var table = home.QuerySelector(".unmet-demand table");
        Assert.NotNull(table);
        Assert.NotNull(table.QuerySelector("tr[data-sector='health-pharma'][data-location='230400']"));
        Assert.NotNull(table.QuerySelector("tr[data-sector='tourism'][data-location=''][data-band='gte1b']"));
        Assert.Null(table.QuerySelector("tr[data-location='230300']"));
        Assert.Null(table.QuerySelector("tr[data-sector='petrochemicals']"));
        Assert.All(table.QuerySelectorAll("tbody tr"), r => Assert.True(r.GetAttribute("data-location") is "230400" or ""));
        Assert.Contains("鹤岗", table.TextContent, StringComparison.Ordinal);

        // Investors and officials have no admin page; admins see everything, and the CSV has every row.
        Assert.NotEqual(HttpStatusCode.OK, (await official.GetAsync("/zh/admin/demand")).StatusCode);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync("/en/admin/demand");
        Assert.NotNull(page.QuerySelector("tr[data-sector='health-pharma'][data-location='230300']"));
        Assert.NotNull(page.QuerySelector("tr[data-sector='petrochemicals'][data-band='lt10m']"));
        var csv = await admin.GetAsync("/en/admin/demand?handler=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sector,location,ticket_band,saved_searches", lines[0], StringComparison.Ordinal);
        var jixi = Assert.Single(lines, l => l.StartsWith("health-pharma Biomedicine & health,230300 Jixi,,", StringComparison.Ordinal));
        Assert.Contains($"{word} (ru, 6)", jixi, StringComparison.Ordinal);
    }
}

public sealed class UnmetDemandOnSqlite(SqlitePortalFactory factory) : UnmetDemandTests<SqlitePortalFactory>(factory);
public sealed class UnmetDemandOnPostgres(PostgresPortalFactory factory) : UnmetDemandTests<PostgresPortalFactory>(factory);
