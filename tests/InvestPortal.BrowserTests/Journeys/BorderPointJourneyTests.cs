using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Map;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 16's official journey, one run across the three languages: a Chinese-speaking official puts their published
/// listing at its real site in the editor and submits the change; a Russian-speaking admin approves it; an English reader
/// of the listing's page sees the nearest crossing and its distance follow the new point (computed here from the
/// crossing's coordinates with Core's distance), where before they were measured from the centre of Harbin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BorderPointJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    /// <summary>By the Tongjiang crossing, on the Songhua's mouth.</summary>
    private static readonly GeoPoint Site = new(47.70, 132.50);

    [Fact]
    public async Task Official_sets_the_listings_point_admin_approves_and_the_reader_sees_the_new_distance()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var agency = await AgencyAsync("同江市商务局", "Бюро коммерции Тунцзяна", "Tongjiang Commerce Bureau");
        var officialEmail = await UserAsync(Cultures.Zh, Roles.Official, agency, "李官员");
        var adminEmail = await UserAsync(Cultures.Ru, Roles.Admin, displayName: "Администратор");
        var (id, slug) = await PublishedInHarbinAsync(agency, tag);
        var crossings = Fixture.Services.GetRequiredService<BorderCrossings>();

        // 1. The English reader: no point yet, so distances are measured from the centre of Harbin, the location.
        var reader = await Fixture.NewPageAsync(AcceptLanguage(Cultures.En));
        await reader.GotoAsync($"/en/opportunities/{slug}");
        var taxonomy = Fixture.Services.GetRequiredService<PortalTaxonomy>();
        var harbin = crossings.Nearest(ListingPosition.Of(null, null, "230100", taxonomy)!.Value, 1)[0];
        var nearest = reader.Locator(".border-map .nearest-crossings li").First;
        Assert.Equal(harbin.Crossing.Code, await nearest.GetAttributeAsync("data-crossing"));
        Assert.Equal(Distance(harbin.DistanceKm), await nearest.Locator(".distance").InnerTextAsync());
        Assert.Contains(T(Cultures.En, "Crossings.FromLocation", taxonomy.Location("230100")!.Label(Cultures.En)), await reader.Locator(".border-map .measured-from").InnerTextAsync(), StringComparison.Ordinal);

        // 2. The Chinese official types the site's coordinates (a comma as the decimal mark, as many keyboards write it) and submits.
        var official = await SignInAsync(Cultures.Zh, officialEmail);
        await official.GotoAsync($"/zh/my/opportunities/edit/{id}");
        Assert.Equal(T(Cultures.Zh, "Position.Label"), (await official.Locator(".position-fields legend").InnerTextAsync()).Trim());
        await official.FillAsync("#Form_Latitude", "47,70");
        await official.FillAsync("#Form_Longitude", "132.50");
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.Locator("button[name=submit]").ClickAsync();
        await official.WaitForURLAsync("**/zh/my/opportunities");
        Assert.Equal(T(Cultures.Zh, "Editor.RevisionSubmitted"), (await official.Locator(".notice").InnerTextAsync()).Trim());
        // Waiting for review: the public page still measures from Harbin.
        await reader.ReloadAsync();
        Assert.Equal(Distance(harbin.DistanceKm), await nearest.Locator(".distance").InnerTextAsync());

        // 3. The Russian admin approves the change from the queue.
        var admin = await SignInAsync(Cultures.Ru, adminEmail);
        await admin.GotoAsync($"/ru/admin/moderation?org={agency}");
        var queued = admin.Locator($".moderation-queue > li[data-id='{id}']");
        await Axe.AssertNoSeriousViolationsAsync(admin);
        await queued.Locator("form.approve-form button[type=submit]").ClickAsync();
        await admin.WaitForSelectorAsync("[role=status]");
        Assert.Equal(T(Cultures.Ru, "Moderation.Approved"), (await admin.Locator("[role=status]").InnerTextAsync()).Trim());
        Assert.Equal((Site.Latitude, Site.Longitude), await DbAsync(db => db.Opportunities.Where(o => o.Id == id)
            .Select(o => new ValueTuple<double, double>(o.Latitude!.Value, o.Longitude!.Value)).SingleAsync()));

        // 4. The reader's page now measures from the official's point: Tongjiang is 4.7 km away.
        await reader.ReloadAsync();
        var expected = crossings.Nearest(Site, 1)[0];
        Assert.Equal("tongjiang-nizhneleninskoye", expected.Crossing.Code);
        Assert.Equal(expected.Crossing.Code, await nearest.GetAttributeAsync("data-crossing"));
        Assert.Equal(expected.Crossing.Name(Cultures.En), await nearest.Locator("a").InnerTextAsync());
        Assert.Equal(Distance(expected.DistanceKm), await nearest.Locator(".distance").InnerTextAsync());
        Assert.Equal("4.7 km", Distance(expected.DistanceKm));
        Assert.Equal(T(Cultures.En, "Crossings.FromOwnPoint"), (await reader.Locator(".border-map .measured-from").InnerTextAsync()).Trim());
        // Said once on the page: the list beside the map is the only list of nearest crossings.
        Assert.Equal(1, await reader.Locator("ol.nearest-crossings").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(reader);

        foreach (var page in new[] { reader, official, admin }) await page.Context.CloseAsync();
    }

    private static string Distance(double km) => $"{BorderMapBuilder.Kilometres(km, Cultures.En)} km";

    /// <summary>A published listing of the agency in Harbin (the location's centre stands for it), in Chinese and English.</summary>
    private Task<(Guid Id, string Slug)> PublishedInHarbinAsync(Guid agency, string tag) => DbAsync(async db =>
    {
        var o = new Opportunity
        {
            ExternalRef = "BT-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = agency, Status = OpportunityStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-3), SectorCode = "logistics", LocationCode = "230100", OriginalCulture = Cultures.Zh,
            CooperationModes = ["joint-venture"], TotalAmount = 120_000_000, ContactEmail = "tongjiang-port@example.com",
        };
        o.Slug = Slugs.Make(o.ExternalRef, null);
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = $"同江口岸冷链物流中心 {tag}", Summary = "中俄跨境冷链仓储与分拨" });
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.En, Title = $"Tongjiang port cold-chain hub {tag}", Summary = "Cross-border cold storage and distribution" });
        db.Opportunities.Add(o);
        await db.SaveChangesAsync();
        return (o.Id, o.Slug);
    });
}
