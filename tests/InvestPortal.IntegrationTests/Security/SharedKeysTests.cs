using System.Net;
using InvestPortal.Data.Identity;
using InvestPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Security;

/// <summary>
/// Data-protection keys live in the database, so two web nodes on one database (each with its own
/// data folder) read each other's sign-in cookies and antiforgery tokens.
/// </summary>
public sealed class SharedKeysTests
{
    private sealed class Node(string connectionString) : PortalFactory
    {
        public override string Provider => "Postgres";
        protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
            [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", connectionString)];

        /// <summary>A client that keeps no cookies itself: the test carries them from node to node.</summary>
        public HttpClient Bare() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    [Fact]
    public async Task Two_nodes_on_one_database_accept_each_others_cookies_and_tokens()
    {
        var database = PostgresServer.CreateDatabase("shared-keys");
        await using var first = new Node(database);
        await using var second = new Node(database);
        using var one = first.Bare();
        using var two = second.Bare();
        var email = $"nodes-{Guid.NewGuid():N}@example.com";
        await first.WithScopeAsync(async sp =>
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Two nodes" };
            Assert.True((await sp.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, Infrastructure.Accounts.Password)).Succeeded);
            return 0;
        });

        // The login form comes from node 1, the sign-in is posted to node 2: the antiforgery pair crosses nodes.
        var loginPage = await one.GetAsync("/en/account/login");
        var cookies = new Dictionary<string, string>();
        Remember(loginPage, cookies);
        var token = (await loginPage.ParseAsync()).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/en/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Accounts.Password,
            }),
        };
        signIn.Headers.Add("Cookie", Header(cookies));
        var signedIn = await two.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Remember(signedIn, cookies);
        Assert.True(cookies.ContainsKey("ip_auth"));

        // The sign-in cookie minted by node 2 opens the own area on node 1.
        var my = new HttpRequestMessage(HttpMethod.Get, "/en/my");
        my.Headers.Add("Cookie", Header(cookies));
        Assert.Equal(HttpStatusCode.OK, (await one.SendAsync(my)).StatusCode);

        Assert.True(await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);
    }

    private static void Remember(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
        {
            var pair = setCookie.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            cookies[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
}
