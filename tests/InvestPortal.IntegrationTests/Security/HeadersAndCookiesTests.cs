using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>Security headers on every page type, HSTS and Secure cookies behind an HTTPS proxy.</summary>
public sealed class HeadersAndCookiesTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private async Task<List<string>> EveryPageTypeAsync()
    {
        var slug = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Slug).FirstAsync());
        var investor = await factory.WithDbAsync(db => db.InvestorProfiles.Where(p => p.Visibility == ProfileVisibility.Public).Select(p => p.Slug).FirstAsync());
        return ["/en/", "/zh/opportunities?q=timber&sector=logistics", $"/ru/opportunities/{slug}", "/en/investors", $"/zh/investors/{investor}",
            "/ru/account/login", "/en/account/register", "/zh/account/forgot-password", "/en/opportunities/no-such-listing",
            "/api/v1/opportunities", "/api/v1/taxonomy", "/sitemap.xml", "/en/feed.xml", "/health", "/css/site.css"];
    }

    [Fact]
    public async Task Every_page_type_carries_the_security_headers()
    {
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        foreach (var url in await EveryPageTypeAsync())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            var csp = Header(response, "Content-Security-Policy");
            Assert.NotNull(csp);
            var script = csp!.Split(';').Select(d => d.Trim()).SingleOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                ?? csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("default-src", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe-inline", script, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", script, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
            // Plain HTTP (a developer's machine): no HSTS, which would pin a host that has no certificate.
            Assert.Null(Header(response, "Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task Behind_an_https_proxy_every_page_sends_hsts()
    {
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp(), https: true);
        client.BaseAddress = new Uri("http://portal.example.org/");
        foreach (var url in await EveryPageTypeAsync())
        {
            var response = await client.GetAsync(url);
            var hsts = Header(response, "Strict-Transport-Security");
            Assert.True(hsts is not null, $"{url}: no HSTS over HTTPS");
            Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_same_site_and_secure_over_https()
    {
        // An https base address: the test client's cookie jar only sends Secure cookies back over HTTPS, like a browser.
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp(), https: true);
        client.BaseAddress = new Uri("https://portal.example.org/");
        var (_, email) = await CreateUserAsync();

        var loginPage = await client.GetAsync("/ru/account/login");
        var pageCookies = SetCookies(loginPage);
        var login = await client.SubmitFormAsync("/ru/account/login", await loginPage.ParseAsync(), "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var all = pageCookies.Concat(SetCookies(login)).ToList();

        foreach (var name in new[] { "ip_af", "ip_auth", CultureCookie })
        {
            var cookie = all.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
            Assert.True(cookie is not null, $"{name} not set; got: {string.Join(" | ", all)}");
            var attributes = cookie!.ToLowerInvariant();
            Assert.Contains("; secure", attributes, StringComparison.Ordinal);
            Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
            Assert.Contains("; samesite=", attributes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_over_plain_http_too()
    {
        using var client = factory.ClientFrom(SecurityFactory.NewClientIp());
        var page = await client.GetAsync("/zh/account/login");
        foreach (var cookie in SetCookies(page))
        {
            Assert.Contains("; httponly", cookie.ToLowerInvariant(), StringComparison.Ordinal);
            Assert.Contains("; samesite=", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        }
    }

    private const string CultureCookie = "ip_lang";

    private async Task<(string Id, string Email)> CreateUserAsync()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        var id = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<InvestPortal.Data.Identity.PortalUser>>();
            var user = new InvestPortal.Data.Identity.PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Cookie test" };
            Assert.True((await users.CreateAsync(user, Infrastructure.Accounts.Password)).Succeeded);
            return user.Id;
        });
        return (id, email);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? v.Single()
        : response.Content.Headers.TryGetValues(name, out var c) ? c.Single() : null;

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [];
}
