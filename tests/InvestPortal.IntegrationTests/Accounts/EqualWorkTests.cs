using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Testing;
using InvestPortal.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestPortal.IntegrationTests.Accounts;

/// <summary>
/// Login, registration and "forgot password" do the same work for an address with an account as for one without,
/// so their timing does not tell who uses the portal. Checked by counting the work (password hashes, queued
/// messages), not by timing it.
/// </summary>
public abstract class EqualWorkTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CountingHasherFactory
{
    private const string Password = "amur-river-2026";

    private static string NewEmail() => $"equal-{Guid.NewGuid():N}@example.com";

    /// <summary>How many times the password hasher ran (hash or verify) during <paramref name="work"/>.</summary>
    private async Task<int> HasherCallsDuringAsync(Func<Task> work)
    {
        var before = factory.Counter.Calls;
        await work();
        return factory.Counter.Calls - before;
    }

    private async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> values)
    {
        using var client = factory.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(url, page, "main form", values);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        PostAsync("/en/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private Task<HttpResponseMessage> RegisterAsync(string email) =>
        PostAsync("/en/account/register", new()
        {
            ["Input.Role"] = Roles.Investor, ["Input.DisplayName"] = "Ivan Petrov", ["Input.Email"] = email,
            ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

    private Task<HttpResponseMessage> ForgotAsync(string email) => PostAsync("/en/account/forgot-password", new() { ["Email"] = email });

    private Task<List<OutboxMessage>> OutboxAsync() => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());

    /// <summary>The templates queued for an address, sorted: messages queued in the same instant have no order.</summary>
    private async Task<List<string>> EmailsToAsync(string address) =>
        (await OutboxAsync()).Where(m => m.Kind == OutboxKinds.Email).Select(m => m.ReadPayload<EmailPayload>())
            .Where(p => p.ToAddress == address).Select(p => p.Template).Order(StringComparer.Ordinal).ToList();

    private async Task<PortalUser> ConfirmedUserAsync()
    {
        var email = NewEmail();
        await RegisterAsync(email);
        return await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
            return user;
        });
    }

    [Fact]
    public async Task A_wrong_password_costs_the_same_password_check_for_an_unknown_address_as_for_a_real_one()
    {
        var user = await ConfirmedUserAsync();
        var known = await HasherCallsDuringAsync(() => LoginAsync(user.Email!, "not-the-password-1"));
        var unknown = await HasherCallsDuringAsync(() => LoginAsync(NewEmail(), "not-the-password-1"));
        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task Registering_a_taken_address_hashes_the_password_and_queues_one_email_like_a_new_registration()
    {
        var fresh = NewEmail();
        var forNew = await HasherCallsDuringAsync(() => RegisterAsync(fresh));
        var user = await ConfirmedUserAsync();
        var forTaken = await HasherCallsDuringAsync(() => RegisterAsync(user.Email!));

        Assert.Equal(1, forNew);
        Assert.Equal(forNew, forTaken);
        Assert.Equal([EmailTemplates.AccountConfirmEmail], await EmailsToAsync(fresh));
        // The owner of the taken address is told, instead of the page telling the visitor.
        Assert.Equal([EmailTemplates.AccountAlreadyRegistered, EmailTemplates.AccountConfirmEmail], await EmailsToAsync(user.Email!));
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_fresh_confirmation_link()
    {
        var email = NewEmail();
        await RegisterAsync(email);
        await RegisterAsync(email);
        Assert.Equal([EmailTemplates.AccountConfirmEmail, EmailTemplates.AccountConfirmEmail], await EmailsToAsync(email));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Forgot_password_queues_the_same_request_for_any_address_and_only_a_real_account_gets_the_link()
    {
        var user = await ConfirmedUserAsync();
        var unknown = NewEmail();
        foreach (var address in new[] { user.Email!, unknown })
        {
            var before = (await OutboxAsync()).Select(m => m.Id).ToHashSet();
            await ForgotAsync(address);
            // What the request itself queued: one request, no email (that comes later, from the outbox).
            var queued = (await OutboxAsync()).Where(m => !before.Contains(m.Id) && m.Kind != OutboxKinds.Email).Select(m => m.Kind).ToList();
            Assert.Equal([PasswordResetRequestHandler.OutboxKind], queued);
        }

        for (var i = 0; i < 150 && (await OutboxAsync()).Any(m => m.Kind == PasswordResetRequestHandler.OutboxKind && m.Status != OutboxStatus.Sent); i++)
            await Task.Delay(100);
        Assert.Contains(EmailTemplates.AccountPasswordReset, await EmailsToAsync(user.Email!));
        Assert.Empty(await EmailsToAsync(unknown));
    }
}

/// <summary>Counts every use of the password hasher (hash or verify).</summary>
public sealed class HasherCounter
{
    private int _calls;
    public int Calls => Volatile.Read(ref _calls);
    public void Add() => Interlocked.Increment(ref _calls);
}

/// <summary>The portal's own hasher, counted.</summary>
public sealed class CountingPasswordHasher(HasherCounter counter, IOptions<PasswordHasherOptions> options) : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> inner = new(options);

    public string HashPassword(PortalUser user, string password)
    {
        counter.Add();
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        counter.Add();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The portal with its password hasher counted.</summary>
public abstract class CountingHasherFactory : PortalFactory
{
    public HasherCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(Counter);
            s.AddScoped<IPasswordHasher<PortalUser>, CountingPasswordHasher>();
        });
    }
}

public sealed class CountingHasherSqliteFactory : CountingHasherFactory
{
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];
}

public sealed class CountingHasherPostgresFactory : CountingHasherFactory
{
    private readonly string _connectionString = PostgresServer.CreateDatabase("portal");
    public override string Provider => "Postgres";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
        [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", _connectionString)];
}

public sealed class EqualWorkOnSqlite(CountingHasherSqliteFactory factory) : EqualWorkTests<CountingHasherSqliteFactory>(factory);
public sealed class EqualWorkOnPostgres(CountingHasherPostgresFactory factory) : EqualWorkTests<CountingHasherPostgresFactory>(factory);
