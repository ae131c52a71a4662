using System.Net;
using System.Text.RegularExpressions;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests.PageChecks;

/// <summary>One page type in one language: where it is, whether it needs a signed-in visitor, and the phone width it is checked at (null: desktop).</summary>
public sealed record CheckedPage(string Culture, string Kind, string Path, bool SignedIn, int Status = 200, int? Width = null)
{
    public string Name => $"{Culture}-{Kind}";
    public override string ToString() => Name;
}

/// <summary>
/// Every page type the portal has today, in zh, ru and en. Detail pages are found from the demo
/// content (the first search hit and the first investor), so the catalogue follows the data.
/// </summary>
public static partial class PageCatalog
{
    public static readonly string[] Cultures = ["zh", "ru", "en"];
    public const string Email = "page-checks@example.com";
    public const string Password = "lighthouse-amur-2026";

    /// <summary>The phone width the map pages are also checked at (an iPhone 12–15 in portrait).</summary>
    public const int PhoneWidth = 390;

    public static IEnumerable<string> Kinds =>
        ["home", "search", "search-filtered", "detail", "investors", "investor", "login", "register", "forgot-password", "not-found", "api",
         "my", "my-matches", "my-notifications", "my-password", "home-390", "search-390", "detail-390", "landing", "landed", "my-insight", "admin-demand", "my-close", "admin-landing", "admin-crossings", "admin-crossing"];

    public static async Task<IReadOnlyList<CheckedPage>> AllAsync(BrowserFixture fixture)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var opportunity = await FirstLinkAsync(http, "/en/opportunities", "/en/opportunities/");
        var investor = await FirstLinkAsync(http, "/en/investors", "/en/investors/");
        var insightId = await EnsureUserAsync(fixture.Services, opportunity);
        return Cultures.SelectMany(c => new CheckedPage[]
        {
            new(c, "home", $"/{c}/", false),
            new(c, "search", $"/{c}/opportunities", false),
            new(c, "search-filtered", $"/{c}/opportunities?q=timber&sector=forestry-timber&sector=logistics&min=1000000&currency=CNY&sort=newest", false),
            new(c, "detail", $"/{c}/opportunities/{opportunity}", false),
            new(c, "investors", $"/{c}/investors", false),
            new(c, "investor", $"/{c}/investors/{investor}", false),
            new(c, "login", $"/{c}/account/login", false),
            new(c, "register", $"/{c}/account/register", false),
            new(c, "forgot-password", $"/{c}/account/forgot-password", false),
            new(c, "landing", $"/{c}/landing", false),
            new(c, "landed", $"/{c}/landed", false),
            new(c, "not-found", $"/{c}/opportunities/no-such-listing", false, 404),
            new(c, "api", $"/{c}/api", false),
            new(c, "my", $"/{c}/my", true),
            new(c, "my-matches", $"/{c}/my/matches", true),
            new(c, "my-notifications", $"/{c}/my/notifications", true),
            new(c, "my-password", $"/{c}/my/password", true),
            // The pages with the map of the border, as a phone shows them (results before the filters, the map scaled).
            new(c, "home-390", $"/{c}/", false, Width: PhoneWidth),
            new(c, "search-390", $"/{c}/opportunities?sector=logistics&min=1000000&currency=CNY", false, Width: PhoneWidth),
            new(c, "detail-390", $"/{c}/opportunities/{opportunity}", false, Width: PhoneWidth),
            // The listing's insight page (translation demand, gap notice) and unmet demand for admins; the page-check
            // user is also an official of the first listing's organization, so "my" shows its region's unmet demand.
            new(c, "my-insight", $"/{c}/my/opportunities/{insightId}/insight", true),
            new(c, "admin-demand", $"/{c}/admin/demand", true),
            // Closing a listing with its outcome, and the admins' funnel with reply times per organization.
            new(c, "my-close", $"/{c}/my/opportunities/{insightId}/close", true),
            new(c, "admin-landing", $"/{c}/admin/landing", true),
            // The border crossings admins correct: the list, and one crossing's form.
            new(c, "admin-crossings", $"/{c}/admin/crossings", true),
            new(c, "admin-crossing", $"/{c}/admin/crossings/heihe-blagoveshchensk", true),
        }).ToList();
    }

    /// <summary>
    /// A confirmed investor the signed-in pages are checked as (created once per test host); also an official of the
    /// organization of the listing at <paramref name="slug"/> and an admin, for the insight and unmet-demand pages.
    /// Returns that listing's id.
    /// </summary>
    private static async Task<Guid> EnsureUserAsync(IServiceProvider services, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<InvestPortal.Data.PortalDbContext>();
        var listing = db.Opportunities.Where(o => o.Slug == slug).Select(o => new { o.Id, o.OrganizationId }).Single();
        if (await users.FindByEmailAsync(Email) is not null) return listing.Id;
        var user = new PortalUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Page checks", PreferredCulture = "en" };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, [InvestPortal.Core.Domain.Roles.Investor, InvestPortal.Core.Domain.Roles.Official, InvestPortal.Core.Domain.Roles.Admin]);
        db.OrganizationMembers.Add(new InvestPortal.Core.Domain.OrganizationMember { UserId = user.Id, OrganizationId = listing.OrganizationId });
        await db.SaveChangesAsync();
        return listing.Id;
    }

    private static async Task<string> FirstLinkAsync(HttpClient http, string listPath, string prefix)
    {
        var html = await http.GetStringAsync(listPath);
        var match = Regex.Match(html, $"href=\"{Regex.Escape(prefix)}([^\"?#]+)\"");
        if (!match.Success) throw new InvalidOperationException($"No link to {prefix}… on {listPath}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>An HTTP client signed in as the page-check investor, and its cookies (for the browser too).</summary>
    public static async Task<(HttpClient Client, CookieCollection Cookies)> SignedInClientAsync(string baseUrl)
    {
        var jar = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var login = await http.GetStringAsync("/en/account/login");
        var token = AntiforgeryToken().Match(login).Groups[1].Value;
        var response = await http.PostAsync("/en/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Email"] = Email, ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in for page checks failed: {(int)response.StatusCode}");
        return (http, jar.GetCookies(new Uri(baseUrl)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
