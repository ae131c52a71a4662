using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// Attacks that must fail safely on both databases: script in every query parameter and form field
/// comes back escaped, query syntax is just words, unknown cultures and codes are 404 or ignored,
/// oversized bodies 413, forged antiforgery tokens 400, unpublished data 404 by every id route,
/// and afterwards the data is exactly as before.
/// </summary>
public abstract class HostileInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private const string Xss = "\"><script>alert('xss')</script><img src=x onerror=alert(1)><svg/onload=alert(2)>";
    private static readonly string[] Raw = ["<script>alert(", "<img src=x", "<svg/onload", "onerror=alert(1)>"];

    private static readonly string[] OpportunityParameters = ["q", "sector", "location", "partner", "mode", "stage", "min", "max", "currency", "sort", "page"];
    private static readonly string[] InvestorParameters = ["q", "sector", "location", "kind", "country", "page"];
    private static readonly string[] ApiParameters = ["q", "sector", "location", "partnerRegion", "mode", "stage", "minAmount", "maxAmount", "currency", "sort", "lang", "page", "pageSize"];

    private static void AssertEscaped(string url, HttpResponseMessage response, string body)
    {
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
        foreach (var raw in Raw) Assert.False(body.Contains(raw, StringComparison.OrdinalIgnoreCase), $"{url} echoed {raw} unescaped");
    }

    [Fact]
    public async Task Script_in_every_query_parameter_of_the_search_pages_and_api_comes_back_escaped()
    {
        var before = await CountsAsync();
        using var client = factory.CreateBrowserlikeClient();
        var urls = Cultures.All.SelectMany(c =>
                OpportunityParameters.Select(p => $"/{c}/opportunities?{p}={Uri.EscapeDataString(Xss)}&q=timber")
                .Concat(InvestorParameters.Select(p => $"/{c}/investors?{p}={Uri.EscapeDataString(Xss)}")))
            .Concat(ApiParameters.Select(p => $"/api/v1/opportunities?{p}={Uri.EscapeDataString(Xss)}"))
            .Append($"/en/opportunities/{Uri.EscapeDataString(Xss)}")
            .Append($"/api/v1/opportunities/{Uri.EscapeDataString(Xss)}")
            .Append($"/en/account/login?returnUrl={Uri.EscapeDataString(Xss)}")
            .Append($"/en/unsubscribe?token={Uri.EscapeDataString(Xss)}");
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            AssertEscaped(url, response, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Script_in_registration_and_login_fields_comes_back_escaped_and_stores_nothing_raw()
    {
        var before = await CountsAsync();
        using var client = factory.CreateBrowserlikeClient();
        foreach (var culture in Cultures.All)
        {
            var url = $"/{culture}/account/register";
            var register = await client.SubmitFormAsync(url, await client.GetDocumentAsync(url), "main form", new Dictionary<string, string>
            {
                ["Input.Role"] = Xss, ["Input.DisplayName"] = Xss, ["Input.Email"] = Xss, ["Input.Organization"] = Xss,
                ["Input.Country"] = Xss, ["Input.Password"] = Xss, ["Input.ConfirmPassword"] = Xss,
            });
            AssertEscaped(url, register, await register.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);

            var loginUrl = $"/{culture}/account/login?returnUrl={Uri.EscapeDataString(Xss)}";
            var login = await client.SubmitFormAsync(loginUrl, await client.GetDocumentAsync(loginUrl), "main form",
                new Dictionary<string, string> { ["Input.Email"] = Xss, ["Input.Password"] = Xss });
            AssertEscaped(loginUrl, login, await login.Content.ReadAsStringAsync());

            var forgot = $"/{culture}/account/forgot-password";
            var reset = await client.SubmitFormAsync(forgot, await client.GetDocumentAsync(forgot), "main form", new Dictionary<string, string> { ["Email"] = Xss });
            AssertEscaped(forgot, reset, await reset.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("title:timber AND (sector:energy OR \"unclosed")]
    [InlineData("*:* OR _exists_:title")]
    [InlineData("price:[0 TO 99999999] ~2 ^10 \\ / { } [ ] !")]
    [InlineData("{\"query\":{\"match_all\":{}}}")]
    [InlineData("'; DROP TABLE \"Opportunities\"; --")]
    [InlineData("1' OR '1'='1")]
    [InlineData("%' OR 1=1 --")]
    [InlineData("timber\0null")]
    [InlineData("????????***~~~~::::")]
    public async Task Query_syntax_in_q_is_searched_as_words(string q)
    {
        var before = await CountsAsync();
        using var client = factory.CreateBrowserlikeClient();
        foreach (var culture in Cultures.All)
        {
            var page = await client.GetAsync($"/{culture}/opportunities?q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var doc = await page.ParseAsync();
            Assert.NotNull(doc.QuerySelector("main h1"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{culture}/investors?q={Uri.EscapeDataString(q)}")).StatusCode);
        }
        var api = await client.GetAsync($"/api/v1/opportunities?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(before, await CountsAsync());
        // The catalogue is still all there.
        var all = await (await client.GetAsync("/api/v1/opportunities")).Content.ReadAsStringAsync();
        var published = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published));
        Assert.Contains($"\"total\":{published}", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/xx/opportunities", HttpStatusCode.NotFound)]
    [InlineData("/zh-TW/", HttpStatusCode.NotFound)]
    [InlineData("/EN/opportunities", HttpStatusCode.NotFound)]
    [InlineData("/../../etc/passwd", HttpStatusCode.NotFound)]
    [InlineData("/en/../../appsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd", HttpStatusCode.NotFound)]
    [InlineData("/en/opportunities/..%2f..%2fappsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/en/opportunities?sector=no-such-sector&stage=nope&currency=XXX&sort=drop", HttpStatusCode.OK)]
    [InlineData("/en/investors?kind=nope&country=ZZZZ&page=-5", HttpStatusCode.OK)]
    [InlineData("/api/v1/opportunities?lang=xx&sector=nope&pageSize=100000", HttpStatusCode.OK)]
    public async Task Invalid_cultures_paths_and_codes_are_404_or_ignored(string url, HttpStatusCode expected)
    {
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bogus_culture_cookie_or_accept_language_falls_back_safely()
    {
        using var client = factory.CreateBrowserlikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "ip_lang=../../etc; ip_auth=forged-ticket; ip_af=forged");
        request.Headers.TryAddWithoutValidation("Accept-Language", "<script>;q=9, xx-YY;q=abc");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/", response.Headers.Location!.OriginalString);
        var my = new HttpRequestMessage(HttpMethod.Get, "/en/my");
        my.Headers.Add("Cookie", "ip_auth=CfDJ8forged-ticket");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(my)).StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task Oversized_bodies_are_refused_with_413_before_anything_is_read(string contentType)
    {
        var before = await CountsAsync();
        using var client = factory.CreateBrowserlikeClient();
        var body = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await client.PostAsync("/en/account/register", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("ru", "Слишком большой объём")]
    [InlineData("zh", "内容过大，无法接收")]
    public async Task An_upload_over_the_limit_gets_a_localized_page_that_says_what_to_do(string culture, string title)
    {
        using var client = factory.CreateBrowserlikeClient();
        var body = new MultipartFormDataContent { { new ByteArrayContent(new byte[26 * 1024 * 1024]), "upload", "brochure.pdf" } };
        var response = await client.PostAsync($"/{culture}/my/opportunities/edit/{Guid.NewGuid()}?handler=Upload", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("10", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(culture == "zh" ? "zh-Hans" : culture, page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Forged_or_missing_antiforgery_tokens_are_400_and_change_nothing()
    {
        var (signedIn, user) = await factory.SignedInAsync(Roles.Investor);
        using var _ = signedIn;
        var before = await CountsAsync();
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());

        var forms = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/en/account/register", new() { ["Input.Role"] = "Investor", ["Input.DisplayName"] = "Forged", ["Input.Email"] = $"forged-{Guid.NewGuid():N}@example.com", ["Input.Country"] = "RU", ["Input.Password"] = "forged-password-2026", ["Input.ConfirmPassword"] = "forged-password-2026" }),
            ("/en/my/password", new() { ["Input.CurrentPassword"] = Infrastructure.Accounts.Password, ["Input.NewPassword"] = "forged-password-2026", ["Input.ConfirmPassword"] = "forged-password-2026" }),
            ("/en/account/forgot-password", new() { ["Email"] = user.Email! }),
        };
        foreach (var (url, fields) in forms)
        {
            var missing = await signedIn.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var forged = await signedIn.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
            {
                ["__RequestVerificationToken"] = "CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            }));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            // A real token of another visitor does not pass either.
            using var stranger = factory.CreateBrowserlikeClient();
            var strangerPage = await stranger.GetDocumentAsync("/en/account/login");
            var token = strangerPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var stolen = await signedIn.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        }
        Assert.Equal(stamp, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Unpublished_data_is_404_by_every_id_and_slug_route()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        using var _i = investor;
        var (official, _) = await factory.SignedInAsync(Roles.Official);
        using var _o = official;
        // A closed listing that landed keeps its public page on purpose (the landed list links to it); all else is hidden.
        var hidden = await factory.WithDbAsync(db => db.Opportunities
            .Where(o => o.Status != OpportunityStatus.Published && !(o.Status == OpportunityStatus.Closed && ListingOutcomes.Landed.Contains(o.Outcome!)))
            .Select(o => new { o.Id, o.Slug, o.ExternalRef }).ToListAsync());
        Assert.NotEmpty(hidden);
        var hiddenInvestors = await factory.WithDbAsync(async db =>
        {
            var profile = await db.InvestorProfiles.FirstAsync();
            // Hide one profile for this test; it is restored below.
            profile.Visibility = ProfileVisibility.Hidden;
            await db.SaveChangesAsync();
            return profile.Slug;
        });
        try
        {
            foreach (var client in new[] { anonymous, investor, official })
            {
                foreach (var h in hidden)
                {
                    foreach (var c in Cultures.All)
                        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{c}/opportunities/{h.Slug}")).StatusCode);
                    Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opportunities/{h.Id}")).StatusCode);
                    Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opportunities/{h.ExternalRef}")).StatusCode);
                    // An official of another organization cannot open the editor on it either.
                    var edit = await client.GetAsync($"/en/my/opportunities/edit/{h.Id}");
                    Assert.True(edit.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"editor {h.Id}: {edit.StatusCode}");
                    if (edit.StatusCode == HttpStatusCode.Redirect)
                        Assert.Contains("/account/login", edit.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
                foreach (var c in Cultures.All)
                    Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{c}/investors/{hiddenInvestors}")).StatusCode);
                // Admin pages by id: not for these roles.
                var glossary = await client.GetAsync($"/en/admin/glossary/edit/{Guid.NewGuid()}");
                Assert.True(glossary.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"glossary: {glossary.StatusCode}");
            }
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                await db.InvestorProfiles.Where(p => p.Slug == hiddenInvestors).ExecuteUpdateAsync(s => s.SetProperty(p => p.Visibility, ProfileVisibility.Public));
                return 0;
            });
        }
    }

    private Task<string> CountsAsync() => factory.WithDbAsync(async (PortalDbContext db) =>
        $"opportunities {await db.Opportunities.CountAsync()}, translations {await db.OpportunityTranslations.CountAsync()}, " +
        $"published {await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published)}, " +
        $"users {await db.Users.CountAsync()}, organizations {await db.Organizations.CountAsync()}, investors {await db.InvestorProfiles.CountAsync()}, " +
        $"interest {await db.ExpressionsOfInterest.CountAsync()}, saved {await db.SavedSearches.CountAsync()}");
}

public sealed class HostileInputOnSqlite(SqlitePortalFactory factory) : HostileInputTests<SqlitePortalFactory>(factory);
public sealed class HostileInputOnPostgres(PostgresPortalFactory factory) : HostileInputTests<PostgresPortalFactory>(factory);
