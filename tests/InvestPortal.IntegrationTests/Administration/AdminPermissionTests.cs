using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>Every admin page and action against each role: anonymous → login, other roles → 403, admins → allowed.</summary>
public abstract class AdminPermissionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<(List<string> Pages, List<(string Url, (string, string)[] Fields)> Posts)> TargetsAsync()
    {
        var (_, official) = await factory.SignedInAsync(Roles.Official);
        var org = await factory.NewOrganizationAsync(official);
        var pending = await factory.NewPendingAsync(org, "权限测试项目");
        var version = (await factory.OpportunityAsync(pending)).Version.ToString();
        var pages = new List<string>
        {
            "/en/admin", "/en/admin/moderation", $"/en/admin/moderation/review/{pending}", "/en/admin/audit", "/en/admin/audit?handler=csv",
            "/en/admin/users", $"/en/admin/users/{official.Id}", "/en/admin/organizations", "/en/admin/organizations/edit",
            $"/en/admin/organizations/edit/{org}", "/en/admin/taxonomy", "/en/admin/crossings", "/en/admin/crossings/heihe-blagoveshchensk",
        };
        var posts = new List<(string, (string, string)[])>
        {
            ("/en/admin/moderation?handler=Approve", [("id", pending.ToString()), ("version", version)]),
            ("/en/admin/moderation?handler=Reject", [("id", pending.ToString()), ("version", version), ("reason", "x")]),
            ("/en/admin/moderation?handler=BulkApprove", [("items", $"{pending}:{version}")]),
            ($"/en/admin/moderation/review/{pending}?handler=Approve", [("version", version)]),
            ($"/en/admin/moderation/review/{pending}?handler=Reject", [("version", version), ("template", "duplicate-listing")]),
            ($"/en/admin/users/{official.Id}?handler=AddRole", [("role", Roles.Admin)]),
            ($"/en/admin/users/{official.Id}?handler=RemoveRole", [("role", Roles.Official)]),
            ($"/en/admin/users/{official.Id}?handler=Lock", []),
            ($"/en/admin/users/{official.Id}?handler=Unlock", []),
            ($"/en/admin/users/{official.Id}?handler=AddOrganization", [("organization", org.ToString())]),
            ($"/en/admin/users/{official.Id}?handler=RemoveOrganization", [("organization", org.ToString())]),
            ("/en/admin/organizations?handler=Unverify", [("id", org.ToString())]),
            ("/en/admin/organizations?handler=Verify", [("id", org.ToString())]),
            ("/en/admin/organizations/edit", [("Input.NameZh", "越权创建的机构"), ("Input.Kind", "GovernmentAgency")]),
            ("/en/admin/taxonomy", [("kind", "sector"), ("code", "energy"), ("ru", "Взлом")]),
            ("/en/admin/crossings/heihe-blagoveshchensk", [("Input.NameEn", "Hijacked"), ("Input.Modes", "road"), ("Input.SourceNote", "x")]),
            ("/en/admin/crossings/heihe-blagoveshchensk?handler=Revert", []),
        };
        return (pages, posts);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_for_every_page_and_action()
    {
        var (pages, posts) = await TargetsAsync();
        using var anonymous = factory.CreateBrowserlikeClient();
        var responses = new List<(string Url, HttpResponseMessage Response)>();
        foreach (var url in pages) responses.Add((url, await anonymous.GetAsync(url)));
        foreach (var (url, fields) in posts) responses.Add((url, await anonymous.PostFieldsAsync(url, fields)));
        foreach (var (url, response) in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("/en/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Investor)]
    [InlineData(Roles.Official)]
    [InlineData(Roles.Enterprise)]
    public async Task Other_roles_are_forbidden_everywhere_and_change_nothing(string role)
    {
        var (pages, posts) = await TargetsAsync();
        var (client, _) = await factory.SignedInAsync(role);
        foreach (var url in pages)
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"GET {url} as {role}");
        var auditBefore = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count()));
        foreach (var (url, fields) in posts)
            Assert.True((await client.PostFieldsAsync(url, fields)).StatusCode == HttpStatusCode.Forbidden, $"POST {url} as {role}");
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count())));
    }

    [Fact]
    public async Task Admins_open_every_page_and_posts_without_an_antiforgery_token_are_refused()
    {
        var (pages, posts) = await TargetsAsync();
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        foreach (var url in pages)
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"GET {url} as admin");
        foreach (var (url, fields) in posts)
        {
            var response = await admin.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without token: {(int)response.StatusCode}");
        }
        var index = await admin.GetDocumentAsync("/ru/admin");
        foreach (var path in new[] { "moderation", "audit", "users", "organizations", "taxonomy", "crossings", "glossary", "outbox" })
            Assert.NotNull(index.QuerySelector($"main a[href='/ru/admin/{path}']"));
        var my = await admin.GetDocumentAsync("/ru/my");
        Assert.NotNull(my.QuerySelector("a[href='/ru/admin']"));
    }
}

public sealed class AdminPermissionsOnSqlite(SqlitePortalFactory factory) : AdminPermissionTests<SqlitePortalFactory>(factory);
public sealed class AdminPermissionsOnPostgres(PostgresPortalFactory factory) : AdminPermissionTests<PostgresPortalFactory>(factory);
