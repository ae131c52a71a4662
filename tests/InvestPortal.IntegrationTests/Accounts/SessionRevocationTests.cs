using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using InvestPortal.IntegrationTests.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Accounts;

/// <summary>
/// Revoked access stops working: a removed role, a suspension, a changed or reset password and a sign-out end the
/// sessions they concern. The stamp is checked on every request here (interval 0), so the test needs no waiting;
/// the portal's default is a few seconds.
/// </summary>
public abstract class SessionRevocationTests<TFactory> : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly TFactory factory;

    protected SessionRevocationTests(TFactory factory)
    {
        this.factory = factory;
        factory.Settings["Account:SessionValidationInterval"] = "00:00:00";
    }

    private static void AssertSentToLogin(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal),
            $"expected a redirect to the login page, got {(int)response.StatusCode} {response.Headers.Location}");

    /// <summary>Signs in <paramref name="email"/> on a new client (another device) and returns that client and the auth cookie it got.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAgainAsync(string email, string password = Infrastructure.Accounts.Password)
    {
        var client = factory.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/en/account/login");
        var response = await client.SubmitFormAsync("/en/account/login", page, "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ip_auth=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    [Fact]
    public async Task An_admin_who_loses_the_admin_role_is_out_of_the_admin_pages_at_once()
    {
        var (demoted, demotedUser) = await factory.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/en/admin/users")).StatusCode);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/en/admin/users/{demotedUser.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync(url + "?handler=RemoveRole", [new("role", Roles.Admin)], url)).StatusCode);

        AssertSentToLogin(await demoted.GetAsync("/en/admin/users"));
        var name = $"撤权后创建的机构 {Guid.NewGuid():N}";
        await demoted.PostFieldsAsync("/en/admin/organizations/edit", [new("Input.NameZh", name), new("Input.Kind", "GovernmentAgency")]);
        Assert.False(await factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == name)));
    }

    [Fact]
    public async Task A_suspended_user_is_signed_out_everywhere_at_once()
    {
        var (suspended, suspendedUser) = await factory.SignedInAsync(Roles.Admin);
        var (phone, _) = await SignInAgainAsync(suspendedUser.Email!);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/en/admin/users/{suspendedUser.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync(url + "?handler=Lock", [], url)).StatusCode);

        AssertSentToLogin(await suspended.GetAsync("/en/admin/users"));
        AssertSentToLogin(await phone.GetAsync("/en/my"));
    }

    [Fact]
    public async Task Granting_a_role_reaches_the_open_session_without_signing_it_out()
    {
        var (user, account) = await factory.SignedInAsync(Roles.Investor);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var url = $"/en/admin/users/{account.Id}";
        await admin.PostFieldsAsync(url + "?handler=AddRole", [new("role", Roles.Admin)], url);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/en/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var (laptop, user) = await factory.SignedInAsync(Roles.Investor);
        var (phone, _) = await SignInAgainAsync(user.Email!);
        var page = await laptop.GetDocumentAsync("/en/my/password");
        var changed = await laptop.SubmitFormAsync("/en/my/password", page, "main form",
            new Dictionary<string, string> { ["CurrentPassword"] = Infrastructure.Accounts.Password, ["NewPassword"] = "songhua-ferry-2027" });
        Assert.NotNull((await changed.ParseAsync()).QuerySelector("[role=status]"));

        // The session that changed it carries the new stamp (and keeps it on the next requests).
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/en/my")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/en/my")).StatusCode);
        AssertSentToLogin(await phone.GetAsync("/en/my"));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session()
    {
        var (laptop, user) = await factory.SignedInAsync(Roles.Investor);
        var token = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id))!);
        });
        using var other = factory.CreateBrowserlikeClient();
        var link = $"/en/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var form = await other.GetDocumentAsync(link);
        var done = await other.SubmitFormAsync(link, form, "main form",
            new Dictionary<string, string> { ["Password"] = "songhua-ferry-2027", ["ConfirmPassword"] = "songhua-ferry-2027" });
        Assert.NotNull((await done.ParseAsync()).QuerySelector("[role=status]"));

        AssertSentToLogin(await laptop.GetAsync("/en/my"));
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_no_longer_works()
    {
        var (_, user) = await factory.SignedInAsync(Roles.Investor);
        var (browser, cookie) = await SignInAgainAsync(user.Email!);
        using var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/en/my")).StatusCode);

        var page = await browser.GetDocumentAsync("/en/my");
        var signedOut = await browser.SubmitFormAsync("/en/my", page, "form[action='/en/account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        AssertSentToLogin(await replay.GetAsync("/en/my"));
    }
}

public sealed class SessionRevocationOnSqlite(SqlitePortalFactory factory) : SessionRevocationTests<SqlitePortalFactory>(factory);
public sealed class SessionRevocationOnPostgres(PostgresPortalFactory factory) : SessionRevocationTests<PostgresPortalFactory>(factory);
