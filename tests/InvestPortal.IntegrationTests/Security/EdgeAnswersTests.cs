using System.Net;
using System.Text;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// Clear answers at the edge: every API error is a localized RFC 9457 problem and every page error the
/// localized error page (400, 404, 413, 414, 429 with Retry-After, 500); absolute links come from the
/// configured public base URL whatever Host a client sends; /health tells strangers only the status;
/// the search page, the shortlist and the listing editor have rate limits.
/// </summary>
public sealed class EdgeAnswersTests(EdgeFactory factory) : IClassFixture<EdgeFactory>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }

    private static async Task<string> ErrorPageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var page = await response.ParseAsync();
        var text = page.Body?.TextContent ?? "";
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return page.QuerySelector("h1")?.TextContent.Trim() ?? "";
    }

    // ---- API problems ----

    [Theory]
    [InlineData("/api/v1/opportunities?page=two&lang=ru", "page", "Некорректный запрос", "ru")]
    [InlineData("/api/v1/opportunities?pageSize=1.5&lang=en", "pageSize", "Bad request", "en")]
    [InlineData("/api/v1/opportunities?minAmount=lots&lang=zh", "minAmount", "请求无效", "zh")]
    public async Task An_unparsable_number_in_the_api_is_a_400_problem_naming_the_parameter_in_the_requested_language(
        string url, string parameter, string title, string culture)
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var json = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Equal(title, json.GetProperty("title").GetString());
        Assert.Contains($"{parameter}", json.GetProperty("detail").GetString());
        Assert.Equal(Cultures.HtmlLang(culture), (await client.GetAsync(url)).Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Without_lang_an_api_problem_follows_accept_language()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-resource");
        request.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9,en;q=0.5");
        var json = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.NotFound);
        Assert.Equal("Страница не найдена", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_opportunity_in_the_api_is_a_404_problem_in_the_requested_language()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var json = await ProblemAsync(await client.GetAsync("/api/v1/opportunities/no-such-listing?lang=zh"), HttpStatusCode.NotFound);
        Assert.Equal("页面不存在", json.GetProperty("title").GetString());
        Assert.Contains("已发布项目", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_oversized_body_to_the_api_is_a_413_problem()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        using var body = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");
        var json = await ProblemAsync(await client.PostAsync("/api/v1/opportunities?lang=en", body), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Too large to accept", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_overlong_api_address_is_a_414_problem()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var json = await ProblemAsync(await client.GetAsync("/api/v1/opportunities?lang=ru&q=" + new string('a', 5000)), HttpStatusCode.RequestUriTooLong);
        Assert.Equal("Слишком длинный адрес", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Over_the_api_limit_the_answer_is_a_429_problem_with_retry_after()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        for (var i = 0; i < EdgeFactory.ApiPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/taxonomy")).StatusCode);
        var over = await client.GetAsync("/api/v1/opportunities?lang=zh");
        var json = await ProblemAsync(over, HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁", json.GetProperty("title").GetString());
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
    }

    [Fact]
    public async Task A_crash_in_the_api_is_a_500_problem_in_the_requested_language_that_reveals_nothing()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var response = await client.GetAsync("/api/v1/boom?lang=ru");
        var json = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("Произошла ошибка", json.GetProperty("title").GetString());
        Assert.DoesNotContain("deliberate", await response.Content.ReadAsStringAsync());
    }

    // ---- Pages ----

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_gets_the_localized_400_page()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var response = await client.PostAsync("/ru/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));
        Assert.Equal("Некорректный запрос", await ErrorPageAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_page_gets_the_localized_404_page()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        Assert.Equal("页面不存在", await ErrorPageAsync(await client.GetAsync("/zh/opportunities/no-such-listing"), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task An_oversized_form_post_gets_the_localized_413_page()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        using var body = new StringContent("Email=" + new string('a', 2 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal("内容过大，无法接收", await ErrorPageAsync(await client.PostAsync("/zh/account/forgot-password", body), HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task An_overlong_page_address_gets_the_localized_414_page()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var response = await client.GetAsync("/ru/opportunities?q=" + new string('a', 5000));
        Assert.Equal("Слишком длинный адрес", await ErrorPageAsync(response, HttpStatusCode.RequestUriTooLong));
    }

    [Fact]
    public async Task A_crash_on_a_page_gets_the_500_page_in_all_three_languages()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var response = await client.GetAsync("/ru/boom");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Извините, на сервере произошла ошибка", body);
        Assert.Contains("服务器出错了", body);
        Assert.DoesNotContain("deliberate", body);
    }

    // ---- Rate limits on pages ----

    [Fact]
    public async Task The_search_page_has_its_own_limit_per_client_and_then_answers_the_localized_429_page_with_retry_after()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        for (var i = 0; i < EdgeFactory.SearchPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ru/opportunities?page={i % 2 + 1}")).StatusCode);
        var over = await client.GetAsync("/ru/opportunities?q=timber");
        Assert.Equal("Слишком много запросов", await ErrorPageAsync(over, HttpStatusCode.TooManyRequests));
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        // Other pages, and other clients, are not held back.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ru/")).StatusCode);
        using var other = factory.ClientFrom(EdgeFactory.NewClientIp());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/ru/opportunities")).StatusCode);
        Assert.Equal(120, new InvestPortal.Web.Security.RateLimitOptions().SearchPerMinute); // the documented default
    }

    [Theory]
    [InlineData("/en/my/shortlist?handler=add", "Too many requests")]
    [InlineData("/ru/my/shortlist?handler=dismiss", "Слишком много запросов")]
    [InlineData("/zh/my/opportunities/edit", "请求过于频繁")]
    [InlineData("/en/my/opportunities?handler=Transition", "Too many requests")]
    public async Task Shortlist_and_editor_posts_share_the_forms_limit_and_then_get_the_localized_429_page(string url, string title)
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        for (var i = 0; i < 20; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        var over = await client.PostAsync(url, new FormUrlEncodedContent([]));
        Assert.Equal(title, await ErrorPageAsync(over, HttpStatusCode.TooManyRequests));
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
    }

    // ---- Public base URL ----

    [Fact]
    public async Task Canonical_and_alternate_links_sitemap_and_feed_use_the_public_base_url_whatever_host_is_sent()
    {
        using var client = factory.ClientFrom(EdgeFactory.NewClientIp());
        var slug = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync());
        foreach (var path in new[] { "/en/", $"/ru/opportunities/{slug}", "/sitemap.xml", "/zh/feed.xml" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://evil.example" + path);
            request.Headers.Host = "evil.example";
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", body);
            Assert.Contains(EdgeFactory.PublicBaseUrl + "/", body);
            if (path == "/en/") Assert.Contains($"<link rel=\"canonical\" href=\"{EdgeFactory.PublicBaseUrl}/en/\">", body);
            if (path.Contains(slug)) Assert.Contains($"content=\"{EdgeFactory.PublicBaseUrl}/ru/opportunities/{slug}\"", body);
        }
        // Emails link to the same address; Portal:PublicBaseUrl wins over the older Mail:BaseUrl.
        Assert.Equal(EdgeFactory.PublicBaseUrl, factory.Services.GetRequiredService<IOptions<MailOptions>>().Value.BaseUrl);
    }

    // ---- /health ----

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Health_tells_an_anonymous_remote_caller_only_the_status_even_one_claiming_to_be_loopback(bool claimsLoopback)
    {
        using var client = factory.ClientFrom(claimsLoopback ? "127.0.0.1" : EdgeFactory.NewClientIp());
        var json = await HealthAsync(client);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal(["status"], json.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(factory.DataPath, json.GetRawText());
    }

    [Fact]
    public async Task Health_details_go_to_an_admin_anywhere_and_to_a_caller_on_the_machine_itself()
    {
        var ip = EdgeFactory.NewClientIp();
        using var admin = await SignedInFromAsync(ip, Roles.Admin);
        var json = await HealthAsync(admin);
        Assert.True(json.GetProperty("checks").TryGetProperty("database", out _));
        Assert.True(json.GetProperty("checks").TryGetProperty("search", out _));

        // The same remote address without the admin's session learns only the status.
        using var stranger = factory.ClientFrom(ip);
        Assert.False((await HealthAsync(stranger)).TryGetProperty("checks", out _));

        // Directly from loopback (no proxy in between): an operator's curl on the machine.
        using var local = factory.CreateBrowserlikeClient();
        Assert.True((await HealthAsync(local)).GetProperty("checks").TryGetProperty("mail", out _));
    }

    private async Task<HttpClient> SignedInFromAsync(string ip, string role)
    {
        var email = $"edge-{Guid.NewGuid():N}@example.com";
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Edge admin" };
            Assert.True((await users.CreateAsync(user, Infrastructure.Accounts.Password)).Succeeded);
            return await users.AddToRoleAsync(user, role);
        });
        var client = factory.ClientFrom(ip);
        var page = await client.GetDocumentAsync("/en/account/login");
        var response = await client.SubmitFormAsync("/en/account/login", page, "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
