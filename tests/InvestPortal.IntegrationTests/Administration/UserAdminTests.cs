using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>Admins search users, change roles, lock and unlock, and attach officials to organizations; each change audited.</summary>
public abstract class UserAdminTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private Task<IList<string>> RolesAsync(string id) => factory.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    });

    private Task<List<string>> AuditActionsAsync(string id) => factory.WithDbAsync(db =>
        db.AuditEntries.Where(a => a.EntityType == "user" && a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task Search_lists_roles_and_role_changes_are_audited()
    {
        var (_, investor) = await factory.SignedInAsync(Roles.Investor);
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var list = await admin.GetDocumentAsync("/ru/admin/users?q=" + Uri.EscapeDataString(investor.Email![..12].ToUpperInvariant()));
        var row = list.QuerySelector($"tr[data-id='{investor.Id}']")!;
        Assert.Equal("Инвестор", row.QuerySelector(".roles")!.TextContent.Trim());

        var url = $"/ru/admin/users/{investor.Id}";
        var response = await admin.PostFieldsAsync(url + "?handler=AddRole", [new("role", Roles.Enterprise)], url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Enterprise, Roles.Investor], (await RolesAsync(investor.Id)).Order());
        await admin.PostFieldsAsync(url + "?handler=RemoveRole", [new("role", Roles.Investor)], url);
        Assert.Equal([Roles.Enterprise], await RolesAsync(investor.Id));
        var page = await admin.GetDocumentAsync(url);
        Assert.Contains("Сохранено", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["user.role-add", "user.role-remove"], await AuditActionsAsync(investor.Id));
        var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == investor.Id).OrderBy(a => a.Id).FirstAsync());
        Assert.Equal(adminUser.Id, entry.UserId);

        // Unknown roles are refused.
        await admin.PostFieldsAsync(url + "?handler=AddRole", [new("role", "Superuser")], url);
        Assert.Equal([Roles.Enterprise], await RolesAsync(investor.Id));
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_or_lock_themselves()
    {
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/en/admin/users/{adminUser.Id}";
        var page = await admin.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector($"li[data-role='{Roles.Admin}'] form.remove-role"));
        Assert.Null(page.QuerySelector("form.lock-form"));

        // A forged post is refused too.
        await admin.PostFieldsAsync(url + "?handler=RemoveRole", [new("role", Roles.Admin)], url);
        await admin.PostFieldsAsync(url + "?handler=Lock", [], url);
        Assert.Contains(Roles.Admin, await RolesAsync(adminUser.Id));
        var after = await admin.GetDocumentAsync(url);
        Assert.Contains("cannot lock your own account", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AuditActionsAsync(adminUser.Id));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var (_, user) = await factory.SignedInAsync(Roles.Enterprise);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/en/admin/users/{user.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync(url + "?handler=Lock", [], url)).StatusCode);
        Assert.Contains("locked", (await admin.GetDocumentAsync(url)).QuerySelector(".lock-state")!.TextContent, StringComparison.Ordinal);

        using var client = factory.CreateBrowserlikeClient();
        var login = await client.GetDocumentAsync("/en/account/login");
        var refused = await client.SubmitFormAsync("/en/account/login", login, "main form",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Infrastructure.Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        await admin.PostFieldsAsync(url + "?handler=Unlock", [], url);
        login = await client.GetDocumentAsync("/en/account/login");
        var accepted = await client.SubmitFormAsync("/en/account/login", login, "main form",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Infrastructure.Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(["user.lock", "user.unlock"], await AuditActionsAsync(user.Id));
    }

    [Fact]
    public async Task An_official_is_attached_to_an_organization_and_then_sees_its_drafts()
    {
        var (official, officialUser) = await factory.SignedInAsync(Roles.Official);
        var org = await factory.NewOrganizationAsync();
        var draft = await factory.NewDraftAsync(org, "附加机构后的草稿");
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/en/my/opportunities/edit/{draft}")).StatusCode);

        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/zh/admin/users/{officialUser.Id}";
        var page = await admin.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"form.add-org option[value='{org}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync(url + "?handler=AddOrganization", [new("organization", org.ToString())], url)).StatusCode);
        Assert.NotNull((await admin.GetDocumentAsync(url)).QuerySelector($".membership-list li[data-org='{org}']"));
        await official.GetDocumentAsync($"/en/my/opportunities/edit/{draft}");

        await admin.PostFieldsAsync(url + "?handler=RemoveOrganization", [new("organization", org.ToString())], url);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/en/my/opportunities/edit/{draft}")).StatusCode);
        Assert.Equal(["user.organization-add", "user.organization-remove"], await AuditActionsAsync(officialUser.Id));
    }
}

public sealed class UserAdminOnSqlite(SqlitePortalFactory factory) : UserAdminTests<SqlitePortalFactory>(factory);
public sealed class UserAdminOnPostgres(PostgresPortalFactory factory) : UserAdminTests<PostgresPortalFactory>(factory);
