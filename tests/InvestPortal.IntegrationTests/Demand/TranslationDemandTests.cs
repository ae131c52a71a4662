using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Testing;
using InvestPortal.Web.Commands;
using InvestPortal.Web.Insight;
using InvestPortal.Web.Translations;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Demand;

public abstract class TranslationDemandTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0";

    /// <summary>An official who reads Chinese, their organization, and a published listing with a Chinese text only.</summary>
    private async Task<(HttpClient Owner, Data.Identity.PortalUser OwnerUser, Opportunity Listing)> ChineseListingAsync()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.WithDbAsync(async db => { (await db.Users.FirstAsync(u => u.Id == ownerUser.Id)).PreferredCulture = "zh"; return await db.SaveChangesAsync(); });
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "五大连池矿泉水厂 " + Guid.NewGuid().ToString("N")[..6]);
        var listing = await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.Include(x => x.Translations).FirstAsync(x => x.Id == id);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return o;
        });
        return (owner, ownerUser, listing);
    }

    private Task AddRussianAsync(Guid id, TranslationProvenance provenance = TranslationProvenance.Owner) => factory.WithDbAsync(async db =>
    {
        db.OpportunityTranslations.Add(new OpportunityTranslation { OpportunityId = id, Culture = Cultures.Ru, Title = "Завод минеральной воды Удаляньчи", Provenance = provenance });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_reader_asks_for_their_language_once_the_owners_hear_of_it_in_their_digest_and_it_is_answered_when_the_language_is_added()
    {
        var (owner, ownerUser, listing) = await ChineseListingAsync();
        var url = $"/ru/opportunities/{listing.Slug}";
        var (reader, readerUser) = await factory.SignedInAsync(Roles.Investor);

        // Without an account there is only a way to sign in; a post without one is sent to sign in too.
        using var anonymous = factory.CreateBrowserlikeClient();
        var publicPage = await anonymous.GetDocumentAsync(url);
        Assert.Null(publicPage.QuerySelector("#translation-request form"));
        Assert.NotNull(publicPage.QuerySelector("#translation-request a[href^='/ru/account/login']"));
        Assert.Contains((await anonymous.PostAsync($"{url}/translation-request", new FormUrlEncodedContent([]))).StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest });
        // A forged post without the antiforgery token is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.PostAsync($"{url}/translation-request", new FormUrlEncodedContent([]))).StatusCode);

        var page = await reader.GetDocumentAsync(url);
        Assert.Contains("на русском", page.QuerySelector("#translation-request button")!.TextContent, StringComparison.Ordinal);
        var first = await reader.SubmitFormAsync(url, page, "#translation-request form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"{url}#translation-request", first.Headers.Location!.OriginalString);
        // The same click again (a double click, a replay): still one request.
        Assert.Equal(HttpStatusCode.Redirect, (await reader.SubmitFormAsync(url, page, "#translation-request form", new Dictionary<string, string>())).StatusCode);
        var requests = await factory.WithDbAsync(db => db.TranslationRequests.AsNoTracking().Where(r => r.OpportunityId == listing.Id).ToListAsync());
        var request = Assert.Single(requests);
        Assert.Equal((readerUser.Id, "ru"), (request.UserId, request.Culture));
        var after = await reader.GetDocumentAsync(url);
        Assert.Null(after.QuerySelector("#translation-request form"));
        Assert.Contains("на русском", after.QuerySelector(".translation-requested")!.TextContent, StringComparison.Ordinal);

        // The owners' digest tells the official, in Chinese, once.
        var digest = () => factory.WithScopeAsync(sp => sp.GetRequiredService<TranslationRequestDigest>().RunAsync());
        Assert.True(await digest() >= 1);
        var mail = Assert.Single(await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.TranslationRequests));
        Assert.Equal("zh", mail.Culture);
        Assert.Contains("俄文", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/zh/my/opportunities/{listing.Id}/insight", mail.Text, StringComparison.Ordinal);
        await digest();
        Assert.Single(await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.TranslationRequests));

        // The insight page shows the open request with a link straight to the Russian texts in the editor.
        var insight = await owner.GetDocumentAsync($"/zh/my/opportunities/{listing.Id}/insight");
        var row = insight.QuerySelector(".translation-demand li[data-culture='ru']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector(".translation-open"));
        Assert.NotNull(row.QuerySelector($"a[href='/zh/my/opportunities/edit/{listing.Id}#texts-ru']"));
        var editor = await owner.GetDocumentAsync($"/zh/my/opportunities/edit/{listing.Id}");
        Assert.NotNull(editor.QuerySelector("#texts-ru"));

        // The Russian text is added: the request is answered, and the reader reads Russian.
        await AddRussianAsync(listing.Id);
        var answered = await owner.GetDocumentAsync($"/zh/my/opportunities/{listing.Id}/insight");
        Assert.NotNull(answered.QuerySelector(".translation-demand li[data-culture='ru'] .translation-answered"));
        Assert.Null(answered.QuerySelector(".translation-demand li[data-culture='ru'] .translation-open"));
        Assert.Null((await reader.GetDocumentAsync(url)).QuerySelector("#translation-request"));
    }

    [Fact]
    public async Task Readers_whose_language_the_listing_lacks_are_counted_per_month_for_its_owner()
    {
        var (owner, _, listing) = await ChineseListingAsync();
        using var reader = factory.CreateBrowserlikeClient();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        await reader.GetDocumentAsync($"/ru/opportunities/{listing.Slug}");
        await reader.GetDocumentAsync($"/ru/opportunities/{listing.Slug}");
        await reader.GetDocumentAsync($"/zh/opportunities/{listing.Slug}"); // has Chinese: not demand
        await factory.Services.GetRequiredService<ViewCountFlusher>().FlushAsync();

        var month = LanguageDemandStats.MonthOf(DateTimeOffset.UtcNow);
        var rows = await factory.WithDbAsync(db => db.OpportunityLanguageDemands.AsNoTracking().Where(d => d.OpportunityId == listing.Id).ToListAsync());
        var russian = Assert.Single(rows);
        Assert.Equal((month, "ru", 2), (russian.Month, russian.Culture, russian.Readers));

        var insight = await owner.GetDocumentAsync($"/en/my/opportunities/{listing.Id}/insight");
        Assert.Equal("2 readers in Russian saw this only in Chinese this month",
            insight.QuerySelector(".translation-demand li[data-culture='ru'] .translation-readers")!.TextContent.Trim());
        var ru = await owner.GetDocumentAsync($"/ru/my/opportunities/{listing.Id}/insight");
        Assert.Contains("на русском в этом месяце: 2", ru.QuerySelector(".translation-readers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provenance_of_each_translation_goes_through_the_editor_to_readers()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(ownerUser);
        var title = "绥芬河木材口岸 " + Guid.NewGuid().ToString("N")[..6];
        var page = await owner.GetDocumentAsync("/en/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields(title, ruTitle: "Лесной порт Суйфэньхэ");
        fields["save"] = "1";
        fields["Form.Ru.Provenance"] = "Original"; // only the original language is the original
        var refused = await owner.SubmitFormAsync("/en/my/opportunities/edit", page, "form.editor", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ParseAsync();
        Assert.NotNull(refusedPage.QuerySelector("#Form_Ru_Provenance ~ .field-error, .provenance-field.field-invalid"));
        Assert.Equal("Лесной порт Суйфэньхэ", refusedPage.QuerySelector("#Form_Ru_Title")!.GetAttribute("value"));

        fields["Form.Ru.Provenance"] = "MachineReviewed";
        fields["Form.Zh.Provenance"] = "Machine"; // ignored: Chinese is the original
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync("/en/my/opportunities/edit", page, "form.editor", fields)).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Opportunities.AsNoTracking().Include(o => o.Translations).FirstAsync(o => o.Translations.Any(t => t.Title == title)));
        Assert.Equal(TranslationProvenance.Original, saved.Translations.Single(t => t.Culture == "zh").Provenance);
        Assert.Equal(TranslationProvenance.MachineReviewed, saved.Translations.Single(t => t.Culture == "ru").Provenance);

        var again = await owner.GetDocumentAsync($"/en/my/opportunities/edit/{saved.Id}");
        Assert.Equal("MachineReviewed", again.QuerySelector("#Form_Ru_Provenance option[selected]")!.GetAttribute("value"));

        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == saved.Id);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var reader = factory.CreateBrowserlikeClient();
        var ru = await reader.GetDocumentAsync($"/ru/opportunities/{saved.Slug}");
        Assert.Equal("Машинный перевод, проверенный человеком", ru.QuerySelector("[data-provenance='machine-reviewed']")!.TextContent.Trim());
        var zh = await reader.GetDocumentAsync($"/zh/opportunities/{saved.Slug}");
        Assert.Equal("原文（中文）", zh.QuerySelector("[data-provenance='original']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_importer_records_provenance_and_refuses_an_unknown_one_with_its_line()
    {
        var reference = $"T-{Guid.NewGuid():N}"[..20];
        string Line(string provenance) =>
            $$$"""{"externalRef":"{{{reference}}}","status":"published","sector":"logistics","location":"230100","title":{"zh":"哈尔滨冷链中心","ru":"Холодильный центр Харбина","en":"Harbin cold-chain hub"},"summary":{"zh":"冷链仓储。"},"description":{"zh":"建设冷库。"},"investment":{"total":120000000,"currency":"CNY"},"cooperationModes":["joint-venture"],"organization":"哈尔滨新区管委会（测试）","contactEmail":"invest@example.org","provenance":{{{provenance}}}}""";
        async Task<(int Code, string Error)> ImportAsync(string provenance)
        {
            var path = Path.Combine(TestPaths.NewTempFolder("import"), "file.jsonl");
            await File.WriteAllLinesAsync(path, [Line(provenance)]);
            using var output = new StringWriter();
            using var error = new StringWriter();
            return (await PortalCommands.RunAsync(factory.Services, ["import", path], output, error), error.ToString());
        }

        var (bad, message) = await ImportAsync("""{"ru":"google"}""");
        Assert.Equal(1, bad);
        Assert.Contains("line 1", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("provenance.ru", message, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.ExternalRef == reference)));

        Assert.Equal(0, (await ImportAsync("""{"ru":"machine-reviewed","en":"machine"}""")).Code);
        var saved = await factory.WithDbAsync(db => db.Opportunities.AsNoTracking().Include(o => o.Translations).SingleAsync(o => o.ExternalRef == reference));
        Assert.Equal(
            [("en", TranslationProvenance.Machine), ("ru", TranslationProvenance.MachineReviewed), ("zh", TranslationProvenance.Original)],
            saved.Translations.OrderBy(t => t.Culture).Select(t => (t.Culture, t.Provenance)).ToList());

        using var reader = factory.CreateBrowserlikeClient();
        Assert.NotNull((await reader.GetDocumentAsync($"/en/opportunities/{saved.Slug}")).QuerySelector("[data-provenance='machine']"));
    }
}

public sealed class TranslationDemandOnSqlite(SqlitePortalFactory factory) : TranslationDemandTests<SqlitePortalFactory>(factory);
public sealed class TranslationDemandOnPostgres(PostgresPortalFactory factory) : TranslationDemandTests<PostgresPortalFactory>(factory);
