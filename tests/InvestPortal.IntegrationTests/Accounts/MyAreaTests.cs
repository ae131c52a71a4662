using InvestPortal.Core.Domain;

namespace InvestPortal.IntegrationTests.Accounts;

public sealed class MyAreaTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    private static async Task<List<string>> LinksAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/zh/my")).QuerySelectorAll("main .link-list a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Each_role_finds_its_own_tools_and_only_those()
    {
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        var (official, _) = await factory.SignedInAsync(Roles.Official);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var investorLinks = await LinksAsync(investor);
        Assert.Contains("/zh/my/matches", investorLinks);
        Assert.DoesNotContain("/zh/my/opportunities", investorLinks);
        Assert.DoesNotContain(investorLinks, l => l.StartsWith("/zh/admin", StringComparison.Ordinal));

        Assert.Contains("/zh/my/opportunities", await LinksAsync(official));
        var adminLinks = await LinksAsync(admin);
        Assert.Contains("/zh/admin/moderation", adminLinks);
        Assert.Contains("/zh/admin/glossary", adminLinks);
        Assert.Contains("/zh/admin/outbox", adminLinks);
        foreach (var link in adminLinks)
            Assert.True((await admin.GetAsync(link)).IsSuccessStatusCode, link);
    }

    [Fact]
    public async Task The_logout_button_in_the_header_signs_the_user_out()
    {
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        var page = await investor.GetDocumentAsync("/ru/my");
        // The form posts to an explicit action, so the token must be asked for; without it logout answers 400.
        var response = await investor.SubmitFormAsync("/ru/my", page, "form[action='/ru/account/logout']", new Dictionary<string, string>());
        Assert.NotEqual(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var after = await investor.GetAsync("/ru/my");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
