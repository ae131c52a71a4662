using InvestPortal.Core.Domain;
using InvestPortal.Web.Landing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Issue 15's landing journey, one run shared by the three languages: a Chinese-speaking official closes a Heihe listing
/// as landed (with the investor's country, the amount and the investor's open interest closed as agreed); a Russian
/// reader finds it in the landed projects with its badge; an English reader sees Heihe's landed count go up in the funnel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LandedJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    [Fact]
    public async Task Official_closes_a_listing_as_landed_and_it_appears_in_the_landed_list_and_the_funnel()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var agency = await AgencyAsync("黑河市商务局", "Бюро коммерции Хэйхэ", "Heihe Commerce Bureau");
        var officialEmail = await UserAsync("zh", Roles.Official, agency, "李官员");
        var (id, slug, interestId) = await DbAsync(async db =>
        {
            var investor = new Organization { Name = $"Амур Агро {tag}", NameRu = $"Амур Агро {tag}", Kind = OrganizationKind.Investor, IsVerified = true, Country = "RU" };
            investor.Slug = Slugs.ForOrganization(investor);
            db.Organizations.Add(investor);
            var o = new Opportunity
            {
                ExternalRef = $"LAND-{tag}", OrganizationId = agency, SectorCode = "agri-food", LocationCode = "231100", TotalAmount = 90_000_000,
                ContactEmail = "heihe@example.org", Status = OpportunityStatus.Published, PublishedAt = DateTimeOffset.UtcNow.AddDays(-60),
                OriginalCulture = Cultures.Zh,
            };
            o.Slug = Slugs.Make(o.ExternalRef, $"Heihe soybean drying {tag}");
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = $"黑河大豆烘干中心 {tag}" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Ru, Title = $"Центр сушки сои в Хэйхэ {tag}" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.En, Title = $"Heihe soybean drying {tag}" });
            db.Opportunities.Add(o);
            var e = new ExpressionOfInterest
            {
                OpportunityId = o.Id, OrganizationId = investor.Id, Role = InterestRole.Investor, Message = "Готовы инвестировать", ContactPerson = "Пётр",
                Status = InterestStatus.InDiscussion, CreatedAt = DateTimeOffset.UtcNow.AddDays(-40), FirstReplyAt = DateTimeOffset.UtcNow.AddDays(-38),
                DiscussionAt = DateTimeOffset.UtcNow.AddDays(-30),
            };
            db.ExpressionsOfInterest.Add(e);
            await db.SaveChangesAsync();
            return (o.Id, o.Slug, e.Id);
        });
        var landedBefore = await HeiheLandedAsync();

        // 1. The official closes the listing from their list, saying how it ended.
        var official = await SignInAsync("zh", officialEmail);
        await official.GotoAsync("/zh/my/opportunities");
        await official.Locator($".owned-list > li[data-id='{id}'] a.close-link").ClickAsync();
        await official.WaitForURLAsync($"**/zh/my/opportunities/{id}/close");
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.CheckAsync($"input[name='Input.Outcome'][value='{ListingOutcomes.AgreementSigned}']");
        await official.SelectOptionAsync("#Input_Country", "RU");
        await official.FillAsync("#Input_Amount", "60 000 000");
        await official.CheckAsync($"input[name='Input.CloseInterests'][value='{interestId}']");
        await official.Locator("form.outcome-form button[type=submit]").ClickAsync();
        await official.WaitForURLAsync("**/zh/my/opportunities");
        Assert.Equal(T("zh", "Outcome.ClosedLanded"), (await official.Locator(".notice").InnerTextAsync()).Trim());
        Assert.Equal(InterestOutcomes.Agreed, await DbAsync(db => db.ExpressionsOfInterest.Where(e => e.Id == interestId).Select(e => e.Outcome).SingleAsync()));

        // 2. A Russian reader finds it among the landed projects, and its page keeps the badge.
        var reader = await Fixture.NewPageAsync(AcceptLanguage("ru"));
        await reader.GotoAsync("/ru/landed");
        await Axe.AssertNoSeriousViolationsAsync(reader);
        await reader.Locator($".landed-list a[href='/ru/opportunities/{slug}']").ClickAsync();
        await reader.WaitForURLAsync($"**/ru/opportunities/{slug}");
        Assert.Equal(T("ru", "Landed.Badge"), (await reader.Locator(".landed-note .badge").InnerTextAsync()).Trim());

        // 3. An English reader sees Heihe's landed count go up in the funnel, in the table beside the chart.
        Assert.Equal(landedBefore + 1, await HeiheLandedAsync());
        var visitor = await Fixture.NewPageAsync(AcceptLanguage("en"));
        await visitor.GotoAsync("/en/landing");
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        var heihe = visitor.Locator("#cities-heading ~ .funnel-layout tbody tr", new() { Has = visitor.Locator("th", new() { HasTextString = "Heihe" }) });
        Assert.Equal((landedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await heihe.Locator("td").Nth(3).InnerTextAsync()).Trim());

        foreach (var page in new[] { official, reader, visitor }) await page.Context.CloseAsync();
    }

    private async Task<int> HeiheLandedAsync()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LandingFunnel>().ReportAsync();
        return report.Cities.SingleOrDefault(c => c.Key == "231100")?.Landed ?? 0;
    }
}
