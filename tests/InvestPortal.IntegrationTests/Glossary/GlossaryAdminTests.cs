using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Search;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.IntegrationTests.Glossary;

/// <summary>The glossary in the database, its admin pages, and re-indexing after an edit, on each database.</summary>
public abstract class GlossaryAdminTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static readonly GlossaryModel File = GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl"));

    [Fact]
    public async Task Seeding_copies_every_concept_of_the_file_and_search_uses_them()
    {
        // Other tests of this class may have edited a few concepts already; each of those edits is audited.
        var (stored, touched) = await factory.WithDbAsync(async db => (
            await db.GlossaryConcepts.AsNoTracking().ToListAsync(),
            (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == GlossaryAdmin.AuditEntityType).Select(a => a.EntityId!).ToListAsync()).ToHashSet()));
        Assert.True(File.Count >= 544);
        foreach (var concept in File.Concepts.Where(c => !touched.Contains(c.Id)))
        {
            var row = Assert.Single(stored, e => e.Id == concept.Id);
            Assert.Equal(concept.Sector, row.Sector);
            Assert.Equal(concept.Zh, row.Zh);
            Assert.Equal(concept.Ru, row.Ru);
            Assert.Equal(concept.En, row.En);
            Assert.Equal(DatabaseInitializer.SeedUser, row.UpdatedBy);
        }
        Assert.All(stored, e => Assert.True(File.Find(e.Id) is not null || touched.Contains(e.Id), $"{e.Id} came from nowhere"));
        var current = factory.Services.GetRequiredService<GlossaryStore>().Current;
        Assert.Equal(stored.Count, current.Count);
        // Seeding runs once: a second start (migrate again) adds nothing.
        await factory.WithScopeAsync(async sp => { await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync(); return 0; });
        Assert.Equal(stored.Count, await factory.WithDbAsync(db => db.GlossaryConcepts.CountAsync()));
    }

    [Fact]
    public async Task An_admin_adds_a_concept_and_a_russian_search_then_finds_the_chinese_only_listing()
    {
        // DEMO-HLJ-0033 is written only in Chinese and names 五味子 (schisandra), which the shipped glossary lacks.
        var slug = await factory.SlugOfAsync("DEMO-HLJ-0033");
        using var visitor = factory.CreateBrowserlikeClient();
        var before = await visitor.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("лимонник"));
        Assert.DoesNotContain($"/ru/opportunities/{slug}", GlossaryTestSupport.ResultLinks(before));

        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var form = await admin.GetDocumentAsync("/ru/admin/glossary/edit");
        var response = await admin.SubmitConceptAsync("/ru/admin/glossary/edit", form, id: "schisandra", sector: "health-pharma",
            zh: "五味子、北五味子", ru: "лимонник китайский, лимонник", en: "schisandra\nschisandra berry");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ru/admin/glossary?q=schisandra", response.Headers.Location?.OriginalString);
        var list = await admin.GetDocumentAsync("/ru/admin/glossary?q=schisandra");
        Assert.Contains("«schisandra»", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("лимонник китайский", list.QuerySelector(".data-table")!.TextContent, StringComparison.Ordinal);

        await factory.WaitForGlossaryRebuildAsync();
        var after = await visitor.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("лимонник"));
        Assert.Contains($"/ru/opportunities/{slug}", GlossaryTestSupport.ResultLinks(after));
        var english = await visitor.GetDocumentAsync("/en/opportunities?q=schisandra");
        Assert.Contains($"/en/opportunities/{slug}", GlossaryTestSupport.ResultLinks(english));
    }

    [Fact]
    public async Task A_duplicate_term_and_a_bad_id_are_refused_in_the_page_language_keeping_the_input()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var form = await admin.GetDocumentAsync("/zh/admin/glossary/edit");
        var response = await admin.SubmitConceptAsync("/zh/admin/glossary/edit", form, id: "Sawn_Timber_2", sector: "forestry-timber",
            zh: "板方材", ru: "Пиломатериалы\nбрус", en: "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var summary = GlossaryTestSupport.ErrorSummary(page);
        Assert.Contains("请使用小写拉丁字母和数字", summary, StringComparison.Ordinal);
        Assert.Contains("术语“Пиломатериалы”已属于概念“sawn-timber”。", summary, StringComparison.Ordinal);
        Assert.Contains("“英文术语”中至少需要填写一个术语。", summary, StringComparison.Ordinal);
        Assert.Equal("Sawn_Timber_2", page.QuerySelector("#Input_Id")!.GetAttribute("value"));
        Assert.Equal("Пиломатериалы\nбрус", page.QuerySelector("#Input_Ru")!.TextContent.Trim());
        Assert.Equal("板方材", page.QuerySelector("#Input_Zh")!.TextContent.Trim());
        Assert.Equal("forestry-timber", page.QuerySelector("#Input_Sector option[selected]")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#Input_Ru")!.GetAttribute("aria-invalid"));

        // The same mistakes in Russian, and a one-character Chinese term; nothing was saved by either attempt.
        var ruForm = await admin.GetDocumentAsync("/ru/admin/glossary/edit");
        var ru = await (await admin.SubmitConceptAsync("/ru/admin/glossary/edit", ruForm, id: "timber", zh: "木", ru: "брус", en: "beam")).ParseAsync();
        var ruSummary = GlossaryTestSupport.ErrorSummary(ru);
        Assert.Contains("Идентификатор «timber» уже занят другим понятием.", ruSummary, StringComparison.Ordinal);
        Assert.Contains("Китайский термин «木» слишком короткий", ruSummary, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.GlossaryConcepts.AnyAsync(e => e.Id == "Sawn_Timber_2" || e.Ru.Contains("брус"))));
    }

    [Fact]
    public async Task Non_admins_are_refused()
    {
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        foreach (var url in new[] { "/en/admin/glossary", "/en/admin/glossary/edit", "/en/admin/glossary/edit/timber", "/en/admin/glossary/delete/timber" })
            Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync(url)).StatusCode);
        var posted = await investor.PostAsync("/en/admin/glossary/delete/timber", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"got {posted.StatusCode}");
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/en/admin/glossary")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.GlossaryConcepts.AnyAsync(e => e.Id == "timber")));
    }

    [Fact]
    public async Task An_edit_is_audited_queued_for_reindexing_and_seen_by_another_node()
    {
        // A second store on the same database stands in for another web node that polls for changes.
        var otherNode = new GlossaryStore(factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<GlossaryStore>.Instance);
        Assert.Null(otherNode.Current.Find("sawn-timber")!.Ru.FirstOrDefault(t => t == "пиломатериал"));

        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var form = await admin.GetDocumentAsync("/en/admin/glossary/edit/sawn-timber");
        Assert.Contains("пиломатериалы", form.QuerySelector("#Input_Ru")!.TextContent, StringComparison.Ordinal);
        var ru = form.QuerySelector("#Input_Ru")!.TextContent + "пиломатериал\n";
        var response = await admin.SubmitConceptAsync("/en/admin/glossary/edit/sawn-timber", form, sector: "forestry-timber",
            zh: form.QuerySelector("#Input_Zh")!.TextContent, ru: ru, en: form.QuerySelector("#Input_En")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (entry, audit, queued) = await factory.WithDbAsync(async db => (
            await db.GlossaryConcepts.AsNoTracking().SingleAsync(e => e.Id == "sawn-timber"),
            await db.AuditEntries.AsNoTracking().Where(a => a.UserId == adminUser.Id && a.EntityType == GlossaryAdmin.AuditEntityType).ToListAsync(),
            await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == GlossaryAdmin.OutboxKind && m.PayloadJson.Contains("sawn-timber")).CountAsync()));
        Assert.Contains("пиломатериал", entry.Ru);
        Assert.Equal(adminUser.Email, entry.UpdatedBy);
        var update = Assert.Single(audit);
        Assert.Equal(("glossary.update", "sawn-timber", adminUser.Email), (update.Action, update.EntityId, update.UserName));
        Assert.Contains("\"пиломатериал\"", update.Details, StringComparison.Ordinal);
        Assert.Equal(1, queued);

        Assert.True(await otherNode.RefreshIfChangedAsync());
        Assert.Contains("пиломатериал", otherNode.Current.Find("sawn-timber")!.Ru);
        Assert.False(await otherNode.RefreshIfChangedAsync(), "an unchanged glossary is not reloaded");
        await factory.WaitForGlossaryRebuildAsync();
    }

    [Fact]
    public async Task Deleting_asks_first_then_deletes_with_an_audit_entry_and_a_stale_form_is_refused()
    {
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var confirm = await admin.GetDocumentAsync("/en/admin/glossary/delete/reforestation");
        Assert.Contains("afforestation", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.GlossaryConcepts.AnyAsync(e => e.Id == "reforestation")), "a GET must not delete");

        // An edit form opened before the deletion can no longer overwrite anything.
        var staleForm = await admin.GetDocumentAsync("/en/admin/glossary/edit/reforestation");
        var deleted = await admin.SubmitFormAsync("/en/admin/glossary/delete/reforestation", confirm, "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var list = await admin.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("“reforestation” deleted", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.GlossaryConcepts.AnyAsync(e => e.Id == "reforestation")));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.UserId == adminUser.Id && a.Action == "glossary.delete"));
        Assert.Equal("reforestation", audit.EntityId);

        var stale = await (await admin.SubmitConceptAsync("/en/admin/glossary/edit/reforestation", staleForm, zh: "造林", ru: "лесовосстановление", en: "reforestation")).ParseAsync();
        Assert.Contains("no longer exists", GlossaryTestSupport.ErrorSummary(stale), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.GlossaryConcepts.AnyAsync(e => e.Id == "reforestation")));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/en/admin/glossary/edit/reforestation")).StatusCode);
        await factory.WaitForGlossaryRebuildAsync();
    }

    [Fact]
    public async Task The_list_finds_concepts_by_id_or_by_a_term_in_any_language_and_case()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        foreach (var q in new[] { "sawmill", "ЛЕСОПИЛКА", "锯木厂", "Sawmilling" })
        {
            var doc = await admin.GetDocumentAsync("/ru/admin/glossary?q=" + Uri.EscapeDataString(q));
            var first = doc.QuerySelector(".data-table tbody tr td code")?.TextContent;
            Assert.True(first == "sawmill", $"{q}: first row {first}");
        }
        var all = await admin.GetDocumentAsync("/zh/admin/glossary");
        Assert.Equal(50, all.QuerySelectorAll(".data-table tbody tr").Length);
        Assert.NotNull(all.QuerySelector(".pager a[rel=next]"));
    }
}

public sealed class GlossaryAdminOnSqlite(SqlitePortalFactory factory) : GlossaryAdminTests<SqlitePortalFactory>(factory);
public sealed class GlossaryAdminOnPostgres(PostgresPortalFactory factory) : GlossaryAdminTests<PostgresPortalFactory>(factory);
