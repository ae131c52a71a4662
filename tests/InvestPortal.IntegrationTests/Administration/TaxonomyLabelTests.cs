using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Administration;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>An admin rewords a taxonomy label: every page shows it at once, search is re-indexed, and clearing restores the file's label.</summary>
public abstract class TaxonomyLabelTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task WaitForReindexAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var states = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == TaxonomyLabelAdmin.OutboxKind)
                .Select(m => new { m.Status, m.LastError }).ToListAsync());
            Assert.DoesNotContain(states, s => s.Status == OutboxStatus.Dead);
            if (states.Count > 0 && states.All(s => s.Status == OutboxStatus.Sent)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The taxonomy re-index was not carried out in time.");
    }

    private static string FacetText(AngleSharp.Dom.IDocument doc, string code) =>
        doc.QuerySelectorAll(".facets a").First(a => a.GetAttribute("href")!.Contains($"sector={code}", StringComparison.Ordinal)).TextContent;

    [Fact]
    public async Task An_override_shows_on_the_search_page_is_indexed_audited_and_clearing_restores_the_file_label()
    {
        var fileLabel = factory.Services.GetRequiredService<PortalTaxonomy>().FileLabel("sectors", "forestry-timber", "ru")!;
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync("/ru/admin/taxonomy?kind=sector");
        var row = page.QuerySelector("li[data-code='forestry-timber']")!;
        Assert.Equal(fileLabel, row.QuerySelector("input[name=ru]")!.GetAttribute("placeholder"));

        var response = await admin.SubmitFormAsync("/ru/admin/taxonomy", page, "li[data-code='forestry-timber'] form.label-form",
            new Dictionary<string, string> { ["zh"] = "", ["ru"] = "Лесопереработка и древесина", ["en"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetDocumentAsync("/ru/admin/taxonomy?kind=sector");
        Assert.Contains("Лесопереработка и древесина", after.QuerySelector("[role=status]")!.TextContent + after.QuerySelector("li[data-code='forestry-timber']")!.TextContent, StringComparison.Ordinal);

        // Visible at once on the public search page, in Russian only.
        using var visitor = factory.CreateBrowserlikeClient();
        Assert.Contains("Лесопереработка и древесина", FacetText(await visitor.GetDocumentAsync("/ru/opportunities"), "forestry-timber"), StringComparison.Ordinal);
        Assert.DoesNotContain("Лесопереработка", FacetText(await visitor.GetDocumentAsync("/en/opportunities"), "forestry-timber"), StringComparison.Ordinal);

        // The index follows: a search for the new wording finds the sector's listings.
        await WaitForReindexAsync();
        var results = await visitor.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("лесопереработка"));
        Assert.NotEmpty(results.QuerySelectorAll(".results .card"));

        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "taxonomy.label" && a.EntityId == "sector:forestry-timber"));
        Assert.Equal(adminUser.Id, audit.UserId);
        Assert.Contains("Лесопереработка и древесина", audit.Details, StringComparison.Ordinal);

        // Clearing the field goes back to taxonomy.json.
        page = await admin.GetDocumentAsync("/ru/admin/taxonomy?kind=sector");
        await admin.SubmitFormAsync("/ru/admin/taxonomy", page, "li[data-code='forestry-timber'] form.label-form",
            new Dictionary<string, string> { ["zh"] = "", ["ru"] = " ", ["en"] = "" });
        Assert.Equal(0, await factory.WithDbAsync(db => db.TaxonomyLabels.CountAsync(l => l.Code == "forestry-timber")));
        Assert.Contains(fileLabel, FacetText(await visitor.GetDocumentAsync("/ru/opportunities"), "forestry-timber"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_codes_are_404_and_overlong_labels_are_refused()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync("/en/admin/taxonomy?kind=mode");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFieldsAsync("/en/admin/taxonomy", [new("kind", "mode"), new("code", "no-such-mode"), new("en", "x")], "/en/admin/taxonomy")).StatusCode);
        var code = page.QuerySelector("li[data-code]")!.GetAttribute("data-code")!;
        var response = await admin.SubmitFormAsync("/en/admin/taxonomy", page, $"li[data-code='{code}'] form.label-form",
            new Dictionary<string, string> { ["zh"] = "", ["ru"] = "", ["en"] = new string('x', 201) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at most 200", (await response.ParseAsync()).QuerySelector($"li[data-code='{code}'] .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.TaxonomyLabels.CountAsync(l => l.Code == code)));
    }
}

public sealed class TaxonomyLabelsOnSqlite(SqlitePortalFactory factory) : TaxonomyLabelTests<SqlitePortalFactory>(factory);
public sealed class TaxonomyLabelsOnPostgres(PostgresPortalFactory factory) : TaxonomyLabelTests<PostgresPortalFactory>(factory);
