using System.Net;
using AngleSharp.Dom;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// Per-client limits (production defaults: 10 sign-in/registration/reset submissions a minute, 600 API calls)
/// answer 429 with Retry-After, and the account forms never tell whether an address has an account.
/// </summary>
public sealed class RateLimitAndEnumerationTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    [Theory]
    [InlineData("/en/account/login", "Input.Email")]
    [InlineData("/ru/account/register", "Input.Email")]
    [InlineData("/zh/account/forgot-password", "Email")]
    public async Task Account_forms_allow_ten_submissions_a_minute_per_client_then_429_with_retry_after(string url, string field)
    {
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        var page = await client.GetDocumentAsync(url);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await client.SubmitFormAsync(url, page, "main form", new Dictionary<string, string> { [field] = $"nobody-{i}@example.com", ["Input.Password"] = "x" });
            statuses.Add(last.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        // Another client is not affected, and reading the form stays free.
        using var other = factory.ClientFrom(SecurityFactory.NewClientIp());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Public_api_allows_600_calls_a_minute_per_client_then_429_with_retry_after()
    {
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        var tasks = Enumerable.Range(0, 600).Select(_ => client.GetAsync("/api/v1/taxonomy")).ToList();
        var statuses = (await Task.WhenAll(tasks)).Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var over = await client.GetAsync("/api/v1/opportunities?q=timber");
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(int.Parse(over.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
    }

    [Fact]
    public async Task Login_with_an_unknown_address_looks_exactly_like_a_wrong_password()
    {
        var known = await CreateConfirmedUserAsync();
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        async Task<(HttpStatusCode, string)> TryAsync(string email)
        {
            var page = await client.GetDocumentAsync("/en/account/login");
            var response = await client.SubmitFormAsync("/en/account/login", page, "main form",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not-the-password-1" });
            return (response.StatusCode, Visible(await response.ParseAsync(), email));
        }
        Assert.Equal(await TryAsync($"unknown-{Guid.NewGuid():N}@example.com"), await TryAsync(known));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Login_to_a_locked_or_unconfirmed_account_with_a_wrong_password_looks_like_an_unknown_address(bool locked, bool unconfirmed)
    {
        var known = await CreateConfirmedUserAsync(locked, unconfirmed);
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        async Task<(HttpStatusCode, string)> TryAsync(string email, string password)
        {
            var page = await client.GetDocumentAsync("/en/account/login");
            var response = await client.SubmitFormAsync("/en/account/login", page, "main form",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
            return (response.StatusCode, Visible(await response.ParseAsync(), email));
        }
        Assert.Equal(await TryAsync($"unknown-{Guid.NewGuid():N}@example.com", "not-the-password-1"), await TryAsync(known, "not-the-password-1"));

        // The owner, who knows the password, is told why they cannot sign in.
        var (_, told) = await TryAsync(known, Infrastructure.Accounts.Password);
        Assert.Contains(locked ? "locked" : "confirm", told, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_like_a_new_one()
    {
        var known = await CreateConfirmedUserAsync();
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        async Task<(HttpStatusCode, string)> RegisterAsync(string email)
        {
            var page = await client.GetDocumentAsync("/ru/account/register");
            var response = await client.SubmitFormAsync("/ru/account/register", page, "main form", new Dictionary<string, string>
            {
                ["Input.Role"] = "Investor", ["Input.DisplayName"] = "Пётр", ["Input.Email"] = email, ["Input.Organization"] = "",
                ["Input.Country"] = "RU", ["Input.Password"] = "amur-river-2026", ["Input.ConfirmPassword"] = "amur-river-2026",
            });
            return (response.StatusCode, Visible(await response.ParseAsync(), email));
        }
        Assert.Equal(await RegisterAsync($"new-{Guid.NewGuid():N}@example.com"), await RegisterAsync(known));
    }

    [Fact]
    public async Task Password_reset_for_an_unknown_address_answers_like_a_known_one()
    {
        var known = await CreateConfirmedUserAsync();
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        async Task<(HttpStatusCode, string)> AskAsync(string email)
        {
            var page = await client.GetDocumentAsync("/zh/account/forgot-password");
            var response = await client.SubmitFormAsync("/zh/account/forgot-password", page, "main form", new Dictionary<string, string> { ["Email"] = email });
            return (response.StatusCode, Visible(await response.ParseAsync(), email));
        }
        Assert.Equal(await AskAsync($"unknown-{Guid.NewGuid():N}@example.com"), await AskAsync(known));
    }

    /// <summary>What a visitor sees in the main area, with the address they typed blanked out.</summary>
    private static string Visible(IDocument page, string email) =>
        string.Join(" ", (page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent)
            .Replace(email, "EMAIL", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        + string.Join("|", page.QuerySelectorAll("main input:not([type=hidden])").Select(i => i.GetAttribute("name") + "=" + (i.GetAttribute("value") == email ? "EMAIL" : i.GetAttribute("value"))));

    private Task<string> CreateConfirmedUserAsync(bool locked = false, bool unconfirmed = false) => factory.WithScopeAsync(async sp =>
    {
        var email = $"known-{Guid.NewGuid():N}@example.com";
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<InvestPortal.Data.Identity.PortalUser>>();
        var user = new InvestPortal.Data.Identity.PortalUser { UserName = email, Email = email, EmailConfirmed = !unconfirmed, DisplayName = "Known" };
        Assert.True((await users.CreateAsync(user, Infrastructure.Accounts.Password)).Succeeded);
        if (locked) await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1));
        return email;
    });
}
