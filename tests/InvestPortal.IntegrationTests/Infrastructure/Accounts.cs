using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace InvestPortal.IntegrationTests.Infrastructure;

public static class Accounts
{
    public const string Password = "test-password-2026";

    /// <summary>Creates a confirmed user in the given roles and returns a client signed in as that user.</summary>
    public static async Task<(HttpClient Client, PortalUser User)> SignedInAsync(this PortalFactory factory, params string[] roles)
    {
        var email = $"u-{Guid.NewGuid():N}@example.com";
        var user = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var created = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test user", PreferredCulture = "ru" };
            var result = await users.CreateAsync(created, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            foreach (var role in roles) await users.AddToRoleAsync(created, role);
            return created;
        });
        var client = factory.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/en/account/login");
        var response = await client.SubmitFormAsync("/en/account/login", page, "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return (client, user);
    }
}
