using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using InvestPortal.Web.Investing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Investing;

public abstract class ShortlistAndAlertsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<HttpClient> InvestorWithProfileAsync(string sector = "forestry-timber")
    {
        var (client, _) = await factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SaveProfileAsync("en", InvestingTestKit.ProfileFields("Amur Timber Partners", [sector]))).StatusCode);
        return client;
    }

    private static List<string> Ids(AngleSharp.Dom.IDocument page, string list) =>
        page.QuerySelectorAll($"{list} > li").Select(li => li.GetAttribute("data-id")!).ToList();

    [Fact]
    public async Task Dismissed_matches_disappear_can_be_shown_and_restored_and_shortlisted_ones_are_listed()
    {
        var client = await InvestorWithProfileAsync();
        var matches = await client.GetDocumentAsync("/en/my/matches");
        var ids = Ids(matches, ".match-list");
        Assert.True(ids.Count >= 3);
        var (first, second) = (ids[0], ids[1]);

        // Dismiss the first: gone from matches, back where it came from.
        var response = await client.PostFormAsync(matches, $"li[data-id='{first}'] form.dismiss-form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/my/matches", response.Headers.Location!.OriginalString);
        matches = await client.GetDocumentAsync("/en/my/matches");
        Assert.DoesNotContain(first, Ids(matches, ".match-list"));
        Assert.Contains(second, Ids(matches, ".match-list"));

        // Shortlist the second: marked in matches and listed on the shortlist.
        await client.PostFormAsync(matches, $"li[data-id='{second}'] form.shortlist-form", []);
        matches = await client.GetDocumentAsync("/en/my/matches");
        Assert.NotNull(matches.QuerySelector($".match-list li[data-id='{second}'] form.unshortlist-form"));
        var shortlist = await client.GetDocumentAsync("/en/my/shortlist");
        Assert.Equal(new[] { second }, Ids(shortlist, ".shortlist"));

        // "Show dismissed" brings the first back as a restorable item; restoring puts it in matches again.
        var withDismissed = await client.GetDocumentAsync("/en/my/matches?dismissed=true");
        Assert.Equal(new[] { first }, Ids(withDismissed, ".dismissed-list"));
        response = await client.PostFormAsync(withDismissed, $".dismissed-list li[data-id='{first}'] form.restore-form", []);
        Assert.Equal("/en/my/matches?dismissed=true", response.Headers.Location!.OriginalString);
        Assert.Contains(first, Ids(await client.GetDocumentAsync("/en/my/matches"), ".match-list"));

        // Removing from the shortlist empties it.
        await client.PostFormAsync(shortlist, $".shortlist li[data-id='{second}'] form.remove-form", []);
        Assert.Empty(Ids(await client.GetDocumentAsync("/en/my/shortlist"), ".shortlist"));
    }

    [Fact]
    public async Task The_opportunity_page_has_a_shortlist_button_for_investors_only()
    {
        var slug = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).OrderBy(o => o.ExternalRef).Select(o => o.Slug).FirstAsync());
        var url = $"/zh/opportunities/{slug}";
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Null((await anonymous.GetDocumentAsync(url)).QuerySelector("form.shortlist-toggle"));
        var (official, _) = await factory.SignedInAsync(Roles.Official);
        Assert.Null((await official.GetDocumentAsync(url)).QuerySelector("form.shortlist-toggle"));

        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        var page = await investor.GetDocumentAsync(url);
        var response = await investor.PostFormAsync(page, "form.shortlist-toggle", []);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        page = await investor.GetDocumentAsync(url);
        Assert.Contains("已收藏", page.QuerySelector("form.shortlist-toggle")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Ids(await investor.GetDocumentAsync("/zh/my/shortlist"), ".shortlist"));

        // A crafted return address leads back into the site, not elsewhere.
        var id = page.QuerySelector("form.shortlist-toggle input[name=opportunityId]")!.GetAttribute("value")!;
        response = await investor.PostFormAsync(page, "form.shortlist-toggle", [new("returnUrl", "https://evil.example/")]);
        Assert.Equal("/zh/my/shortlist", response.Headers.Location!.OriginalString);
        // An unknown or unpublished listing cannot be shortlisted.
        response = await investor.PostWithTokenAsync(page, "/zh/my/shortlist?handler=add", [new("opportunityId", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(id);
    }

    [Fact]
    public async Task A_search_is_saved_from_the_search_page_then_renamed_paused_and_deleted()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        var searchUrl = "/ru/opportunities?q=" + Uri.EscapeDataString("древесина") + "&sector=forestry-timber&location=231100";
        var anonymousPage = await anonymous.GetDocumentAsync(searchUrl);
        Assert.Null(anonymousPage.QuerySelector("form.save-search-form"));
        Assert.StartsWith("/ru/account/login?returnUrl=", anonymousPage.QuerySelector("a.sign-in-to-save")!.GetAttribute("href"), StringComparison.Ordinal);

        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var page = await client.GetDocumentAsync(searchUrl);
        var response = await client.PostFormAsync(page, "form.save-search-form", [new("Name", "Лес в Хэйхэ"), new("Frequency", "Daily")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.UserId == user.Id));
        Assert.Equal(("Лес в Хэйхэ", AlertFrequency.Daily, "ru"), (saved.Name, saved.Frequency, saved.Culture));
        var query = SearchQueryJson.TryDeserialize(saved.QueryJson)!;
        Assert.Equal("древесина", query.Text);
        Assert.Equal(new[] { "forestry-timber" }, query.Sectors);
        Assert.Equal(new[] { "231100" }, query.Locations);

        var alerts = await client.GetDocumentAsync("/ru/my/alerts");
        var item = alerts.QuerySelector($".alert-list li[data-id='{saved.Id}']")!;
        Assert.Contains("Лес в Хэйхэ", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Хэйхэ", item.QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
        var run = item.QuerySelector("a[href^='/ru/opportunities?']")!.GetAttribute("href")!;
        Assert.Contains("sector=forestry-timber", run, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(run)).StatusCode);

        // An empty name is refused and the typed frequency kept; then rename, weekly, pause.
        response = await client.PostFormAsync(alerts, $"li[data-id='{saved.Id}'] form.update-form", [new("name", " "), new("frequency", "Weekly")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector($"#Edit{saved.Id:N}_Name-error"));
        response = await client.PostFormAsync(alerts, $"li[data-id='{saved.Id}'] form.update-form", [new("name", "Лес и логистика"), new("frequency", "Weekly"), new("paused", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        saved = await factory.WithDbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.Id == saved.Id));
        Assert.Equal(("Лес и логистика", AlertFrequency.Weekly, true), (saved.Name, saved.Frequency, SavedSearches.IsPaused(saved)));
        Assert.Equal("древесина", SearchQueryJson.TryDeserialize(saved.QueryJson)!.Text);
        Assert.NotNull((await client.GetDocumentAsync("/ru/my/alerts")).QuerySelector($"li[data-id='{saved.Id}'] .badge"));

        response = await client.PostFormAsync(await client.GetDocumentAsync("/ru/my/alerts"), $"li[data-id='{saved.Id}'] form.delete-form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SavedSearches.AnyAsync(s => s.Id == saved.Id)));
    }

    [Fact]
    public async Task A_save_without_a_name_comes_back_with_the_error_and_the_search()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var page = await client.GetDocumentAsync("/en/opportunities?q=timber&sector=forestry-timber");
        var response = await client.PostFormAsync(page, "form.save-search-form", [new("Name", ""), new("Frequency", "Weekly")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParseAsync();
        Assert.NotNull(again.QuerySelector("#Create_Name-error"));
        Assert.Equal("Weekly", again.QuerySelector("#Create_Frequency option[selected]")!.GetAttribute("value"));
        Assert.Equal("timber", again.QuerySelector("form.create-form input[name=q]")!.GetAttribute("value"));
        Assert.Equal("forestry-timber", again.QuerySelector("form.create-form input[name=sector]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.SavedSearches.AnyAsync(s => s.UserId == user.Id)));
        response = await client.PostFormAsync(again, "form.create-form", [new("Name", "Timber"), new("Frequency", "Weekly")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("timber", SearchQueryJson.TryDeserialize(await factory.WithDbAsync(db => db.SavedSearches.Where(s => s.UserId == user.Id).Select(s => s.QueryJson).SingleAsync()))!.Text);
    }

    [Fact]
    public async Task Permission_matrix_of_the_investor_pages()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        foreach (var path in new[] { "/ru/my/profile", "/ru/my/matches", "/ru/my/shortlist", "/ru/my/alerts" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/ru/account/login?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        // Posting without a session (and so without a valid antiforgery token) changes nothing.
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync("/ru/my/shortlist?handler=add", new FormUrlEncodedContent([]))).StatusCode);

        // The profile editor is the investors'; other roles are refused.
        var (official, _) = await factory.SignedInAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/en/my/profile")).StatusCode);

        // Someone else's saved search is as unknown as a made-up id: 404 to read, change or delete.
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Investor);
        var page = await owner.GetDocumentAsync("/en/opportunities?sector=energy");
        await owner.PostFormAsync(page, "form.save-search-form", [new("Name", "Energy"), new("Frequency", "Immediate")]);
        var id = await factory.WithDbAsync(db => db.SavedSearches.Where(s => s.UserId == ownerUser.Id).Select(s => s.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/en/my/alerts/{id}")).StatusCode);

        var (intruder, _) = await factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/en/my/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/en/my/alerts/{Guid.NewGuid()}")).StatusCode);
        var own = await intruder.GetDocumentAsync("/en/my/profile"); // any page with a form gives the token
        var rename = await intruder.PostWithTokenAsync(own, "/en/my/alerts?handler=update", [new("id", id.ToString()), new("name", "mine now"), new("frequency", "Daily")]);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        var delete = await intruder.PostWithTokenAsync(own, "/en/my/alerts?handler=delete", [new("id", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var still = await factory.WithDbAsync(db => db.SavedSearches.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("Energy", still.Name);
    }
}

public sealed class ShortlistAndAlertsOnSqlite(SqlitePortalFactory factory) : ShortlistAndAlertsTests<SqlitePortalFactory>(factory);
public sealed class ShortlistAndAlertsOnPostgres(PostgresPortalFactory factory) : ShortlistAndAlertsTests<PostgresPortalFactory>(factory);
