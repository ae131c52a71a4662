using InvestPortal.Core.Domain;
using InvestPortal.Testing;
using InvestPortal.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Import;

public abstract class ImportCommandTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static string Line(string externalRef, string title = "哈尔滨新区冷链物流中心", string status = "published", string sector = "logistics",
        string location = "230100") =>
        $$$"""{"externalRef":"{{{externalRef}}}","status":"{{{status}}}","sector":"{{{sector}}}","location":"{{{location}}}","title":{"zh":"{{{title}}}","en":"Harbin cold-chain hub"},"summary":{"zh":"冷链仓储。"},"description":{"zh":"建设冷库。"},"investment":{"total":120000000,"currency":"CNY"},"cooperationModes":["joint-venture"],"organization":"哈尔滨新区管委会（测试）","contactEmail":"invest@example.org","publishedAt":"2026-09-01"}""";

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PortalCommands.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string WriteFile(params string[] lines)
    {
        var path = Path.Combine(TestPaths.NewTempFolder("import"), "file.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Good_file_is_imported_and_audited()
    {
        var reference = $"T-{Guid.NewGuid():N}"[..20];
        var investor = $$$"""{"externalRef":"{{{reference}}}-INV","name":{"ru":"Амурский лес (тест)","en":"Amur Forest (test)"},"country":"RU","homeRegion":"RU-AMU","kind":"corporate","languages":["ru"],"sectors":["forestry-timber"],"locations":["231100"],"ticket":{"min":1000000,"max":5000000,"currency":"USD"},"cooperationModes":["joint-venture"],"description":{"ru":"Лесопереработка."}}""";
        var (code, output, _) = await RunAsync("import", WriteFile(Line(reference), investor));
        Assert.Equal(0, code);
        Assert.Contains("opportunities 1 created", output, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Opportunities.Include(o => o.Translations).Include(o => o.Organization).SingleAsync(o => o.ExternalRef == reference));
        Assert.Equal(OpportunityStatus.Published, saved.Status);
        Assert.Equal("zh", saved.OriginalCulture);
        Assert.Equal(2, saved.Translations.Count);
        Assert.True(saved.Organization!.IsVerified);
        var profile = await factory.WithDbAsync(db => db.InvestorProfiles.Include(p => p.Translations).SingleAsync(p => p.ExternalRef == reference + "-INV"));
        Assert.Equal("ru", profile.OriginalCulture);
        Assert.Equal(5000000m, profile.TicketMax);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "import" && a.Details!.Contains("created 1"))));
        // Published by import: visible on the site.
        using var client = factory.CreateClient();
        Assert.True((await client.GetAsync($"/ru/opportunities/{saved.Slug}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Reimporting_the_same_ref_updates_it()
    {
        var reference = $"T-{Guid.NewGuid():N}"[..20];
        Assert.Equal(0, (await RunAsync("import", WriteFile(Line(reference)))).Code);
        var (code, output, _) = await RunAsync("import", WriteFile(Line(reference, title: "哈尔滨新区冷链物流中心二期", status: "draft")));
        Assert.Equal(0, code);
        Assert.Contains("0 created, 1 updated", output, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Opportunities.Include(o => o.Translations).Where(o => o.ExternalRef == reference).ToListAsync());
        Assert.Single(saved);
        Assert.Equal("哈尔滨新区冷链物流中心二期", saved[0].Translations.Single(t => t.Culture == "zh").Title);
        Assert.Equal(OpportunityStatus.Draft, saved[0].Status);
        Assert.Null(saved[0].PublishedAt);
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_number_and_nothing_is_imported()
    {
        var good = $"T-{Guid.NewGuid():N}"[..20];
        var file = WriteFile(
            Line(good),
            Line(good + "-2", sector: "space-travel"),
            "{not json",
            Line(good + "-4", location: "999999"),
            """{"externalRef":"X","status":"published","sector":"energy","location":"230600","title":{"de":"Kraftwerk"},"summary":{"zh":"a"},"description":{"zh":"b"},"investment":{"total":-5,"currency":"GBP"},"cooperationModes":[],"organization":"O","contactEmail":"nope"}""",
            "",
            Line(good));
        var (code, _, error) = await RunAsync("import", file);
        Assert.NotEqual(0, code);
        Assert.Contains("line 2: sector: unknown code 'space-travel'", error, StringComparison.Ordinal);
        Assert.Contains("line 3: not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("line 4: location: unknown code '999999'", error, StringComparison.Ordinal);
        Assert.Contains("line 5: title.de: is not one of zh, ru, en", error, StringComparison.Ordinal);
        Assert.Contains("line 5: investment.total", error, StringComparison.Ordinal);
        Assert.Contains("line 5: investment.currency: 'GBP'", error, StringComparison.Ordinal);
        Assert.Contains("line 5: cooperationModes: needs at least one code", error, StringComparison.Ordinal);
        Assert.Contains("line 5: contactEmail: 'nope' is not an email address", error, StringComparison.Ordinal);
        Assert.Contains("line 7: externalRef: '" + good + "' already appears on line 1", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef.StartsWith(good))));
    }

    [Fact]
    public async Task Missing_file_and_wrong_usage_exit_non_zero()
    {
        Assert.Equal(2, (await RunAsync("import", "/no/such/file.jsonl")).Code);
        Assert.Equal(2, (await RunAsync("import")).Code);
        Assert.Equal(2, (await RunAsync("create-user", "a@example.com", "Pilot")).Code);
        Assert.Equal(2, (await RunAsync("create-user", "a@example.com", "Official")).Code);
    }

    [Fact]
    public async Task Create_admin_and_official_provision_accounts_that_can_sign_in()
    {
        var admin = $"admin-{Guid.NewGuid():N}@example.com";
        var (code, output, _) = await RunAsync("create-admin", admin);
        Assert.Equal(0, code);
        var password = System.Text.RegularExpressions.Regex.Match(output, @"One-time password: (\S+)").Groups[1].Value;
        Assert.NotEmpty(password);
        var org = await factory.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.GovernmentAgency).Select(o => o.Name).FirstAsync());
        var official = $"official-{Guid.NewGuid():N}@example.com";
        Assert.Equal(0, (await RunAsync("create-user", official, "official", "--organization", org)).Code);
        var (roles, member) = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.PortalUser>>();
            var db = sp.GetRequiredService<Data.PortalDbContext>();
            var user = await users.FindByEmailAsync(official);
            return (await users.GetRolesAsync(user!), await db.OrganizationMembers.AnyAsync(m => m.UserId == user!.Id));
        });
        Assert.Contains(Roles.Official, roles);
        Assert.True(member);

        using var client = factory.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/en/account/login");
        var login = await client.SubmitFormAsync("/en/account/login", page, "main form",
            new Dictionary<string, string> { ["Input.Email"] = admin, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task Demo_content_is_loaded_on_a_fresh_start_and_marked_as_demo()
    {
        var (opportunities, investors, sectors, locations) = await factory.WithDbAsync(async db => (
            await db.Opportunities.CountAsync(o => o.IsDemo),
            await db.InvestorProfiles.CountAsync(p => p.IsDemo),
            await db.Opportunities.Select(o => o.SectorCode).Distinct().CountAsync(),
            await db.Opportunities.Select(o => o.LocationCode).Distinct().CountAsync()));
        Assert.True(opportunities >= 30, $"{opportunities} demo opportunities");
        Assert.True(investors >= 12, $"{investors} demo investors");
        Assert.Equal(13, sectors);
        Assert.True(locations >= 12, $"{locations} locations");
    }
}

public sealed class ImportOnSqlite(SqlitePortalFactory factory) : ImportCommandTests<SqlitePortalFactory>(factory);
public sealed class ImportOnPostgres(PostgresPortalFactory factory) : ImportCommandTests<PostgresPortalFactory>(factory);
