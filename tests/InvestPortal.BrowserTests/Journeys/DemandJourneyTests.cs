using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Demand;
using InvestPortal.Web.Publishing;
using InvestPortal.Web.Translations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests.Journeys;

/// <summary>
/// Demand across languages, in one run: a Russian investor's search finds nothing and shows up, summed and
/// without their name, as unmet demand for a Chinese-speaking official of that region; the same investor asks
/// for the official's Chinese-only listing in Russian, the request reaches the official in their digest, the
/// official adds the Russian text from the insight page's link, and once approved the request is answered.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemandJourneyTests(BrowserFixture fixture) : Journey(fixture)
{
    private Task<(Guid Id, string Slug)> ChineseListingAsync(Guid agency) => DbAsync(async db =>
    {
        var o = new Opportunity
        {
            ExternalRef = "BT-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = agency, Status = OpportunityStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow.AddDays(-3), SectorCode = "forestry-timber", LocationCode = "231100",
            CooperationModes = ["joint-venture"], TotalAmount = 80_000_000, ContactEmail = "zone@example.com",
        };
        o.Slug = Slugs.Make(o.ExternalRef, null);
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = "黑河木材加工园区", Provenance = TranslationProvenance.Original });
        db.Opportunities.Add(o);
        await db.SaveChangesAsync();
        return (o.Id, o.Slug);
    });

    private async Task<T> ServiceAsync<T, TService>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task A_russian_investors_unmet_search_and_translation_request_reach_the_chinese_speaking_official_of_that_region()
    {
        var agency = await AgencyAsync("黑河市商务局", "Бюро коммерции Хэйхэ", "Heihe Commerce Bureau");
        var officialEmail = await UserAsync("zh", Roles.Official, agency, "王主任");
        var (id, slug) = await ChineseListingAsync(agency);
        var investorEmail = await UserAsync("ru", Roles.Investor, displayName: "Иван Петров");
        var word = "лиственница" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).Select(c => (char)('а' + c - 'a')).ToArray());

        // The investor searches in Russian for a health project in Heihe: nothing.
        var reader = await SignInAsync("ru", investorEmail);
        await reader.GotoAsync($"/ru/opportunities?q={Uri.EscapeDataString(word)}&sector=health-pharma&location=231100");
        Assert.True(await reader.Locator(".no-results").IsVisibleAsync());

        // On the Chinese-only listing they ask for Russian with one click.
        await reader.GotoAsync($"/ru/opportunities/{slug}");
        await reader.Locator("#translation-request button").ClickAsync();
        await reader.WaitForSelectorAsync(".translation-requested");
        await Axe.AssertNoSeriousViolationsAsync(reader);

        await Fixture.Services.GetRequiredService<UnmetSearchFlusher>().FlushAsync();
        await ServiceAsync<int, TranslationRequestDigest>(d => d.RunAsync());
        var digest = await Mailbox.WaitForAsync(officialEmail, EmailTemplates.TranslationRequests);
        Assert.Equal(EmailLanguage("zh"), digest.Language);
        Assert.Contains("黑河木材加工园区", digest.Text, StringComparison.Ordinal);

        // The official of Heihe sees the search as unmet demand on their home page, in Chinese, without who asked.
        var official = await SignInAsync("zh", officialEmail);
        await official.GotoAsync("/zh/my");
        var gap = official.Locator(".unmet-demand tr[data-sector='health-pharma'][data-location='231100'][data-band='']");
        Assert.True(await gap.IsVisibleAsync());
        Assert.Contains(word, await gap.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Иван", await official.Locator(".unmet-demand").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(official);

        // The insight page links straight to the Russian texts in the editor; the official adds them.
        await official.GotoAsync($"/zh/my/opportunities/{id}/insight");
        Assert.True(await official.Locator(".translation-demand li[data-culture='ru'] .translation-open").IsVisibleAsync());
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.Locator(".translation-demand li[data-culture='ru'] a").ClickAsync();
        await official.WaitForURLAsync($"**/zh/my/opportunities/edit/{id}#texts-ru");
        await official.FillAsync("#Form_Ru_Title", "Деревообрабатывающий парк Хэйхэ");
        await official.SelectOptionAsync("#Form_Ru_Provenance", "Owner");
        await official.Locator("button[name=submit]").ClickAsync();
        // The redirect keeps the editor address's fragment (#texts-ru), as browsers do.
        await official.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/zh/my/opportunities");
        await official.WaitForSelectorAsync("main .notice");

        // An admin approves the revision (the moderation journey covers the admin's screens).
        var version = await DbAsync(db => db.Opportunities.AsNoTracking().Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        var decided = await ServiceAsync<DecisionResult, ModerationDecisions>(m => m.DecideAsync(id, version, LifecycleAction.Approve, null, new Actor(null, "journey-admin")));
        Assert.Equal(PublishOutcome.Done, decided.Outcome);

        await official.GotoAsync($"/zh/my/opportunities/{id}/insight");
        Assert.True(await official.Locator(".translation-demand li[data-culture='ru'] .translation-answered").IsVisibleAsync());
        await reader.GotoAsync($"/ru/opportunities/{slug}");
        Assert.Equal("Деревообрабатывающий парк Хэйхэ", (await reader.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(T("ru", "Translation.Provenance.Owner"), (await reader.Locator("[data-provenance='owner']").InnerTextAsync()).Trim());
        Assert.Equal(0, await reader.Locator("#translation-request").CountAsync());
        await reader.Context.CloseAsync();
        await official.Context.CloseAsync();
    }
}
