using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using InvestPortal.Data.Import;
using InvestPortal.Search;
using InvestPortal.Testing;
using InvestPortal.Web.Commands;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Import;

public abstract class ImportCommandTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private const string ImportOrganization = "哈尔滨新区管委会（测试）";

    private static string Line(string externalRef, string title = "哈尔滨新区冷链物流中心", string status = "published", string sector = "logistics",
        string location = "230100", string organization = ImportOrganization, string en = "Harbin cold-chain hub") =>
        $$$"""{"externalRef":"{{{externalRef}}}","status":"{{{status}}}","sector":"{{{sector}}}","location":"{{{location}}}","title":{"zh":"{{{title}}}","en":"{{{en}}}"},"summary":{"zh":"冷链仓储。"},"description":{"zh":"建设冷库。"},"investment":{"total":120000000,"currency":"CNY"},"cooperationModes":["joint-venture"],"organization":"{{{organization}}}","contactEmail":"invest@example.org","publishedAt":"2026-09-01"}""";

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
    public async Task A_line_that_is_not_utf8_is_refused_with_its_number_and_nothing_is_imported()
    {
        var good = $"T-{Guid.NewGuid():N}"[..20];
        var path = Path.Combine(TestPaths.NewTempFolder("import"), "latin1.jsonl");
        // Line 2 was saved as Latin-1 by a spreadsheet: "Sanatorij «Amur»" with bytes that are not UTF-8.
        var bad = System.Text.Encoding.UTF8.GetBytes(Line(good + "-2", en: "Sanatorij XAmurX")).ToList();
        var at = bad.IndexOf((byte)'X');
        bad[at] = 0xAB;
        bad[bad.IndexOf((byte)'X')] = 0xBB;
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.UTF8.GetBytes(Line(good) + "\n"), .. bad, (byte)'\n']);

        var (code, _, error) = await RunAsync("import", path);

        Assert.NotEqual(0, code);
        Assert.Contains($"line 2: is not valid UTF-8 (byte {at + 1} of the line)", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef.StartsWith(good))));
    }

    [Fact]
    public async Task An_import_cannot_take_over_a_listing_written_on_the_web()
    {
        var (webRef, owner) = await factory.WithDbAsync(async db =>
        {
            var org = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.GovernmentAgency && o.Name != ImportOrganization);
            var id = Guid.NewGuid();
            var listing = new Opportunity
            {
                Id = id, ExternalRef = $"WEB-2026-{id.ToString("N")[..10].ToUpperInvariant()}", Slug = $"web-{id:N}", Status = OpportunityStatus.Draft,
                SectorCode = "logistics", LocationCode = "230100", TotalAmount = 5_000_000, CooperationModes = ["joint-venture"],
                OrganizationId = org.Id, ContactEmail = "web@example.org",
                Translations = [new OpportunityTranslation { Culture = "zh", Title = "网上填写的项目", Summary = "草稿", Description = "未审核" }],
            };
            db.Opportunities.Add(listing);
            await db.SaveChangesAsync();
            return (listing.ExternalRef, org.Id);
        });

        var (code, _, error) = await RunAsync("import", WriteFile(Line(webRef, status: "published")));

        Assert.NotEqual(0, code);
        Assert.Contains($"line 1: externalRef: '{webRef}'", error, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Opportunities.Include(o => o.Translations).SingleAsync(o => o.ExternalRef == webRef));
        Assert.Equal(OpportunityStatus.Draft, stored.Status);
        Assert.Equal(owner, stored.OrganizationId);
        Assert.Equal("网上填写的项目", stored.Translations.Single().Title);
    }

    [Fact]
    public async Task An_import_updates_its_own_listing_but_never_moves_it_to_another_organization_nor_publishes_it_past_review()
    {
        var reference = $"T-{Guid.NewGuid():N}"[..20];
        Assert.Equal(0, (await RunAsync("import", WriteFile(Line(reference, status: "draft")))).Code);

        var moved = await RunAsync("import", WriteFile(Line(reference + "-other"), Line(reference, status: "draft", organization: "另一个机构（测试）")));
        Assert.NotEqual(0, moved.Code);
        Assert.Contains($"line 2: organization: '{reference}' belongs to '{ImportOrganization}'", moved.Err, StringComparison.Ordinal);

        var published = await RunAsync("import", WriteFile(Line(reference, status: "published")));
        Assert.NotEqual(0, published.Code);
        Assert.Contains($"line 1: status: '{reference}' is not published", published.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("import", WriteFile(Line(reference, status: "pending")))).Code);
        var stored = await factory.WithDbAsync(db => db.Opportunities.Include(o => o.Organization).SingleAsync(o => o.ExternalRef == reference));
        Assert.Equal(OpportunityStatus.PendingReview, stored.Status);
        Assert.Equal(ImportOrganization, stored.Organization!.Name);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef == reference + "-other")));
    }

    [Fact]
    public async Task A_streamed_file_is_all_or_nothing_with_a_bad_line_near_its_end_and_then_indexed_once()
    {
        var prefix = $"S-{Guid.NewGuid():N}"[..14];
        var word = "zq" + prefix[2..].ToLowerInvariant();
        const int count = Importer.BatchSize * 2 + 500;
        var lines = Enumerable.Range(1, count).Select(i => Line($"{prefix}-{i:D5}", en: $"Cold store {word}")).ToArray();
        var fixedLine = lines[count - 2];
        lines[count - 2] = Line($"{prefix}-{count - 1:D5}", location: "999999");
        var indexMessagesBefore = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Index));

        var (code, _, error) = await RunAsync("import", WriteFile(lines));

        Assert.NotEqual(0, code);
        Assert.Contains($"line {count - 1}: location: unknown code '999999'", error, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef.StartsWith(prefix))));
        Assert.Equal(indexMessagesBefore, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Index)));

        lines[count - 2] = fixedLine;
        var imported = await RunAsync("import", WriteFile(lines));
        Assert.Equal(0, imported.Code);
        Assert.Contains($"opportunities {count} created", imported.Out, StringComparison.Ordinal);
        await IndexWaiter.WaitForIndexAsync(factory.Services);

        var engine = factory.Services.GetRequiredService<ISearchEngine>();
        Assert.Equal(count, (await engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = word })).Total);
        // Each listing was in exactly one index message, each message handled once.
        var messages = await factory.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.Kind == OutboxKinds.Index && m.IdempotencyKey.StartsWith("index:import:")).ToListAsync());
        var ids = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.ExternalRef.StartsWith(prefix)).Select(o => o.Id).ToListAsync());
        var requested = messages.Select(m => m.ReadPayload<IndexRequest>()).SelectMany(r => r.OpportunityIds).Where(ids.Contains).ToList();
        Assert.Equal(count, requested.Count);
        Assert.Equal(count, requested.Distinct().Count());
        Assert.All(messages.Where(m => m.ReadPayload<IndexRequest>().OpportunityIds.Any(ids.Contains)), m => Assert.True(m.Attempts <= 1));

        // A rebuild reads the whole catalogue page by page, on this database too.
        var report = await factory.WithScopeAsync(sp => sp.GetRequiredService<SearchIndexer>().RebuildAsync());
        Assert.Equal(await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published)), report.Opportunities);
        Assert.Equal(count, (await engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = word })).Total);
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
