using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Interests;
using InvestPortal.IntegrationTests.Investing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Accounts;

/// <summary>What a registration or a new password must be: an address the mailer can send to, and a password not easy to guess.</summary>
public abstract class AccountInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<AngleSharp.Dom.IDocument> RegisterAsync(string culture, string email, string password, string name = "Анна Петрова")
    {
        using var client = factory.CreateBrowserlikeClient();
        var url = $"/{culture}/account/register";
        var page = await client.GetDocumentAsync(url);
        var response = await client.SubmitFormAsync(url, page, "main form", new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.Investor, ["Input.DisplayName"] = name, ["Input.Email"] = email,
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ParseAsync();
    }

    private Task<bool> ExistsAsync(string email) => factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email));

    [Theory]
    [InlineData(".a{0}@b.test")]
    [InlineData("a{0}@b..test")]
    [InlineData("a{0}.@b.test")]
    public async Task Registration_refuses_an_address_the_mailer_cannot_parse_and_keeps_what_was_typed(string pattern)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("N")[..8]);
        var doc = await RegisterAsync("ru", email, "amur-river-2026");
        Assert.Contains("Введите корректный адрес электронной почты", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, doc.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("true", doc.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task A_profile_contact_address_the_mailer_cannot_parse_is_refused_and_kept()
    {
        // Invitations are emailed to this address, so it must be one the outbox can send to.
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        var response = await client.SaveProfileAsync("ru", InvestingTestKit.ProfileFields("Амур Лес", contactEmail: "invest.@amur-les.example.ru"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("Введите корректный адрес электронной почты", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("invest.@amur-les.example.ru", doc.QuerySelector("#Form_ContactEmail")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.InvestorProfiles.AnyAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task An_interest_contact_address_the_mailer_cannot_parse_is_refused_and_kept()
    {
        var (_, listing) = await factory.OwnerWithListingAsync();
        var enterprise = await factory.UserAsync("en", Roles.Enterprise);
        await factory.OrganizationAsync(true, OrganizationKind.Enterprise, enterprise.User);
        var response = await enterprise.Client.SubmitInterestAsync("ru", listing.Slug, InterestTestKit.Form(".sokolov@example.org"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.NotNull(doc.QuerySelector("#Input_ContactEmail-error"));
        Assert.Equal(".sokolov@example.org", doc.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.OpportunityId == listing.Id)));
    }

    [Theory]
    [InlineData("zh", "password1234", "过于常见")]
    [InlineData("ru", "1234567890", "легко угадываемой схеме")]
    [InlineData("en", "qwertyuiop", "too common")]
    public async Task A_commonly_used_password_is_refused_with_the_reason_in_the_page_language(string culture, string password, string reason)
    {
        var email = $"weak-{Guid.NewGuid():N}@example.com";
        var doc = await RegisterAsync(culture, email, password);
        Assert.Contains(reason, doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, doc.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task A_password_made_of_ones_own_address_or_name_is_refused()
    {
        var local = $"vasily.kuznetsov{Guid.NewGuid().ToString("N")[..6]}";
        var email = $"{local}@example.com";
        var doc = await RegisterAsync("en", email, local);
        Assert.Contains("your email address, your name", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));

        var byName = await RegisterAsync("en", email, "vasilykuznetsov", name: "Vasily Kuznetsov");
        Assert.NotNull(byName.QuerySelector(".error-summary"));
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task A_weak_password_is_refused_for_a_taken_address_too()
    {
        // Otherwise "accepted" for a taken address and "too common" for a free one would tell them apart.
        var (_, user) = await factory.SignedInAsync(Roles.Investor);
        var doc = await RegisterAsync("en", user.Email!, "qwertyuiop");
        Assert.Contains("too common", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_to_a_common_password_is_refused_and_the_old_one_stays()
    {
        var (client, _) = await factory.SignedInAsync(Roles.Investor);
        var page = await client.GetDocumentAsync("/ru/my/password");
        var response = await client.SubmitFormAsync("/ru/my/password", page, "main form",
            new Dictionary<string, string> { ["CurrentPassword"] = Infrastructure.Accounts.Password, ["NewPassword"] = "password1234" });
        var doc = await response.ParseAsync();
        Assert.Contains("слишком распространён", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("[role=status]"));
    }
}

public sealed class AccountInputOnSqlite(SqlitePortalFactory factory) : AccountInputTests<SqlitePortalFactory>(factory);
public sealed class AccountInputOnPostgres(PostgresPortalFactory factory) : AccountInputTests<PostgresPortalFactory>(factory);
