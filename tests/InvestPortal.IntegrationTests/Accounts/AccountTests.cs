using System.Net;
using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Accounts;

public abstract partial class AccountTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private const string Password = "amur-river-2026";

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string culture, string email, string role = Roles.Investor,
        string password = Password, string? confirm = null, string organization = "")
    {
        var url = $"/{culture}/account/register";
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(url, page, "main form", new Dictionary<string, string>
        {
            ["Input.Role"] = role, ["Input.DisplayName"] = "Анна Петрова", ["Input.Email"] = email,
            ["Input.OrgNameRu"] = organization, ["Input.Country"] = organization.Length > 0 || role == Roles.Enterprise ? "RU" : "",
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm ?? password,
        });
    }

    /// <summary>The last such email queued; a reset link is queued by the outbox shortly after the request, so this waits for it.</summary>
    private async Task<EmailPayload> QueuedEmailAsync(string to, string template)
    {
        for (var attempt = 0; ; attempt++)
        {
            var found = await factory.WithDbAsync(async db =>
            {
                var messages = await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Email).ToListAsync();
                return messages.Select(m => m.ReadPayload<EmailPayload>()).LastOrDefault(p => p.ToAddress == to && p.Template == template);
            });
            if (found is not null) return found;
            if (attempt == 150) throw new InvalidOperationException($"No {template} email to {to} was queued.");
            await Task.Delay(100);
        }
    }

    private async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/en/account/login");
        return await client.SubmitFormAsync("/en/account/login", page, "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    [GeneratedRegex(@"https?://[^/\s""<]+(/[^\s""<]+account/confirm-email\?[^\s""<]+)")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task Investor_registers_in_russian_confirms_by_email_and_signs_in()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        var response = await RegisterAsync(client, "ru", email);
        var doc = await response.ParseAsync();
        Assert.Contains(email, doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var mail = await QueuedEmailAsync(email, EmailTemplates.AccountConfirmEmail);
        Assert.Equal("ru", mail.Culture);
        var link = WebUtility.HtmlDecode(ConfirmLink().Match(mail.Text).Groups[1].Value);
        Assert.StartsWith("/ru/account/confirm-email", link, StringComparison.Ordinal);

        // Not confirmed yet: sign-in is refused with a clear reason.
        var early = await (await LoginAsync(client, email, Password)).ParseAsync();
        Assert.Contains("confirm", early.QuerySelector(".error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var confirmed = await client.GetDocumentAsync(link);
        Assert.NotNull(confirmed.QuerySelector("[role=status]"));
        var login = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/en/my", login.Headers.Location!.OriginalString);
        var my = await client.GetDocumentAsync("/ru/my");
        Assert.Contains(email, my.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_registration_creates_an_unverified_organization()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        var org = $"Суйфэньхэ Логистик {Guid.NewGuid():N}"[..30];
        await RegisterAsync(client, "zh", email, Roles.Enterprise, organization: org);
        var saved = await factory.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Name == org));
        Assert.Equal(OrganizationKind.Enterprise, saved.Kind);
        Assert.False(saved.IsVerified);
        Assert.Equal("zh", (await QueuedEmailAsync(email, EmailTemplates.AccountConfirmEmail)).Culture);
    }

    [Fact]
    public async Task Bad_registration_keeps_what_was_typed_and_explains_in_the_page_language()
    {
        using var client = factory.CreateBrowserlikeClient();
        var response = await RegisterAsync(client, "zh", "not-an-email", password: "short", confirm: "different", role: Roles.Enterprise);
        var doc = await response.ParseAsync();
        Assert.Equal("not-an-email", doc.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Анна Петрова", doc.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        var errors = doc.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("有效的电子邮箱", errors, StringComparison.Ordinal);
        Assert.Contains("两次输入的密码不一致", errors, StringComparison.Ordinal);
        Assert.Contains("单位名称", errors, StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Registering_a_taken_address_looks_like_success_and_creates_nothing()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        await RegisterAsync(client, "en", email);
        var again = await (await RegisterAsync(client, "en", email)).ParseAsync();
        Assert.Contains(email, again.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        await RegisterAsync(client, "en", email);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        for (var i = 0; i < 4; i++)
        {
            var wrong = await (await LoginAsync(client, email, "wrong-password-" + i)).ParseAsync();
            Assert.Contains("not correct", wrong.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        // The fifth locks the account, but a wrong password never learns that (an unknown address could not be locked).
        var fifth = await (await LoginAsync(client, email, "wrong-password-5")).ParseAsync();
        Assert.Contains("not correct", fifth.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var right = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await right.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_reset_answers_the_same_for_unknown_addresses_and_works_for_real_ones()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        await RegisterAsync(client, "ru", email);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));

        async Task<string> AskAsync(string address)
        {
            var page = await client.GetDocumentAsync("/ru/account/forgot-password");
            var result = await (await client.SubmitFormAsync("/ru/account/forgot-password", page, "main form",
                new Dictionary<string, string> { ["Email"] = address })).ParseAsync();
            return result.QuerySelector("main")!.TextContent.Trim();
        }
        Assert.Equal(await AskAsync(NewEmail()), await AskAsync(email));

        var mail = await QueuedEmailAsync(email, EmailTemplates.AccountPasswordReset);
        Assert.Equal("ru", mail.Culture);
        var link = WebUtility.HtmlDecode(Regex.Match(mail.Text, @"https?://[^/\s]+(/ru/account/reset-password\?\S+)").Groups[1].Value);
        var form = await client.GetDocumentAsync(link);
        var done = await client.SubmitFormAsync(link, form, "main form",
            new Dictionary<string, string> { ["Password"] = "new-password-2026", ["ConfirmPassword"] = "new-password-2026" });
        Assert.NotNull((await done.ParseAsync()).QuerySelector("[role=status]"));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, email, "new-password-2026")).StatusCode);
    }

    [Fact]
    public async Task Password_reset_does_not_lift_a_suspension_by_an_admin()
    {
        using var client = factory.CreateBrowserlikeClient();
        var email = NewEmail();
        await RegisterAsync(client, "en", email);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.EmailConfirmed, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));

        var page = await client.GetDocumentAsync("/en/account/forgot-password");
        await client.SubmitFormAsync("/en/account/forgot-password", page, "main form", new Dictionary<string, string> { ["Email"] = email });
        var mail = await QueuedEmailAsync(email, EmailTemplates.AccountPasswordReset);
        var link = WebUtility.HtmlDecode(Regex.Match(mail.Text, @"https?://[^/\s]+(/en/account/reset-password\?\S+)").Groups[1].Value);
        var form = await client.GetDocumentAsync(link);
        await client.SubmitFormAsync(link, form, "main form",
            new Dictionary<string, string> { ["Password"] = "new-password-2026", ["ConfirmPassword"] = "new-password-2026" });

        var login = await LoginAsync(client, email, "new-password-2026");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("suspended by an administrator", (await login.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_area_requires_sign_in_and_sends_to_login_in_the_same_language()
    {
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.GetAsync("/zh/my");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/zh/account/login?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        using var client = factory.CreateBrowserlikeClient();
        var response = await client.PostAsync("/en/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.com", ["Input.Password"] = "whatever-password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class AccountsOnSqlite(SqlitePortalFactory factory) : AccountTests<SqlitePortalFactory>(factory);
public sealed class AccountsOnPostgres(PostgresPortalFactory factory) : AccountTests<PostgresPortalFactory>(factory);
