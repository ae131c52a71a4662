using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications;
using InvestPortal.Search;
using InvestPortal.Web.Commands;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InvestPortal.IntegrationTests.Import;

/// <summary>Issue 12: commands do everything or nothing, print real links, run beside the portal and fail in one line.</summary>
public abstract partial class CommandLineTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private Task<PortalUser?> UserAsync(string email) => factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));

    [Fact]
    public async Task Create_user_with_an_unknown_organization_creates_nothing_and_a_corrected_rerun_shows_the_password()
    {
        var email = $"official-{Guid.NewGuid():N}@example.com";

        var (code, output, error) = await RunAsync("create-user", email, "Official", "--organization", "没有这个单位");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("no organization named '没有这个单位'; nothing was created", error, StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "provision" && a.Details!.Contains(email))));

        var org = await factory.WithDbAsync(db => db.Organizations.Select(o => o.Name).FirstAsync());
        var rerun = await RunAsync("create-user", email, "Official", "--organization", org);
        Assert.Equal(0, rerun.Code);
        Assert.Matches("One-time password: \\S{20}", rerun.Out);
        Assert.NotNull(await UserAsync(email));
    }

    [Fact]
    public async Task Import_applies_the_money_rule_and_names_the_line_and_field()
    {
        const string line = """{"externalRef":"MONEY-RULE-1","status":"published","sector":"logistics","location":"230100","title":{"zh":"精度测试项目"},"summary":{"zh":"冷链仓储。"},"description":{"zh":"建设冷库。"},"investment":{"total":120000000.555,"currency":"CNY"},"cooperationModes":["joint-venture"],"organization":"哈尔滨新区管委会（测试）","contactEmail":"invest@example.org"}""";
        var path = Path.Combine(InvestPortal.Testing.TestPaths.NewTempFolder("import"), "money.jsonl");
        await File.WriteAllLinesAsync(path, [line]);

        var (code, _, error) = await RunAsync("import", path);

        Assert.Equal(1, code);
        Assert.Contains("investment.total", error, StringComparison.Ordinal);
        Assert.Contains("at most 2 decimals", error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef == "MONEY-RULE-1")));
    }

    [Fact]
    public async Task Every_link_a_command_prints_leads_to_a_real_page()
    {
        var (code, output, _) = await RunAsync("create-admin", $"admin-{Guid.NewGuid():N}@example.com");
        Assert.Equal(0, code);
        var links = Link().Matches(output).Select(m => new Uri(m.Value.TrimEnd('.', ',', ')'))).ToList();
        Assert.Equal([AccountCommands.SignInPath, AccountCommands.ChangePasswordPath], links.Select(l => l.AbsolutePath));
        using var client = factory.CreateClient();
        foreach (var link in links)
        {
            var response = await client.GetAsync(link.PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} → {response.StatusCode}");
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [Theory]
    [InlineData("improt")]
    [InlineData("dump")]
    public async Task A_mistyped_command_lists_the_commands_and_exits_non_zero(string command)
    {
        Assert.True(PortalCommands.IsCommandLine([command, "file.jsonl"]));
        var (code, output, error) = await RunAsync(command, "file.jsonl");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"unknown command '{command}'", error, StringComparison.Ordinal);
        foreach (var known in new[] { "migrate", "import FILE", "create-admin", "create-user", "reindex", "matches", "backup DIR", "restore DIR" })
            Assert.Contains(known, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--urls http://127.0.0.1:5123")]
    [InlineData("--environment=Production")]
    [InlineData("urls=http://127.0.0.1:5123")]
    [InlineData("/contentRoot /srv/portal")]
    public void Plain_start_and_host_options_still_start_the_web_server(string commandLine) =>
        Assert.False(PortalCommands.IsCommandLine(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public async Task A_bad_reference_to_matches_is_one_line_on_stderr_with_a_non_zero_exit()
    {
        var (code, output, error) = await RunAsync("matches", "investor", "NO-SUCH-REF");
        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.Equal("matches: no investor profile with externalRef 'NO-SUCH-REF'.", error.TrimEnd());
    }

    /// <summary>
    /// The command as the executable runs it (Program.cs: Prepare, the same registrations, then RunAsync) in a second
    /// host beside the running portal, which owns the Lucene index — as `matches` beside a started portal.
    /// </summary>
    [Fact]
    public async Task Matches_runs_while_the_portal_owns_the_index_and_prints_only_JSON_on_stdout()
    {
        string[] args = ["matches", "investor", "DEMO-INV-0001", "--top", "3"];
        var portal = factory.Services.GetRequiredService<IConfiguration>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, EnvironmentName = "Testing", ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
        });
        builder.Configuration.AddInMemoryCollection(new[] { "DataPath", "ContentPath", "Database:Provider", "ConnectionStrings:Postgres" }
            .Select(k => new KeyValuePair<string, string?>(k, portal[k])));
        Assert.True(PortalCommands.Prepare(builder, args));
        builder.AddPortalData();
        builder.AddPortalSearch();
        builder.AddPortalNotifications();
        builder.AddPortalWeb();
        await using var app = builder.Build();
        Assert.Equal(LogLevel.Trace, app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.LogToStandardErrorThreshold);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync(app.Services, args, output, error);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.InRange(json.RootElement.GetArrayLength(), 1, 3);
        Assert.StartsWith("DEMO-", json.RootElement[0].GetProperty("externalRef").GetString(), StringComparison.Ordinal);
        // The portal still owns its index and keeps searching.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/opportunities?q=timber")).StatusCode);
    }
}

public sealed class CommandLineOnSqlite(SqlitePortalFactory factory) : CommandLineTests<SqlitePortalFactory>(factory);
public sealed class CommandLineOnPostgres(PostgresPortalFactory factory) : CommandLineTests<PostgresPortalFactory>(factory);
