using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Testing;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Map;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>
/// An admin corrects a border crossing (issue 16), like a taxonomy label: stored, audited, shown at once on the listing
/// and search pages, and a crossing that moves re-indexes search so distances follow; going back to the file undoes it.
/// Bad coordinates come back with a localized error and what was typed; only admins get in.
/// </summary>
public abstract class CrossingCorrectionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private const string Mishan = "mishan-turiy-rog";

    /// <summary>Posts the crossing form as a browser would: every field as the page shows it (checked kinds only), then <paramref name="changes"/>.</summary>
    private static async Task<HttpResponseMessage> SubmitCrossingAsync(HttpClient client, IDocument page, IDictionary<string, string> changes, string[]? modes = null)
    {
        var form = page.QuerySelector("form.crossing-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || changes.ContainsKey(name) || (name == "Input.Modes" && modes is not null)) continue;
            if (input.GetAttribute("type") == "checkbox" && !input.HasAttribute("checked")) continue;
            fields.Add(new(name, input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value") ?? ""));
        }
        fields.AddRange(changes);
        foreach (var mode in modes ?? []) fields.Add(new("Input.Modes", mode));
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private async Task WaitForReindexAsync(int expectedMessages)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var states = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == CrossingCorrectionAdmin.OutboxKind)
                .Select(m => m.Status).ToListAsync());
            Assert.DoesNotContain(OutboxStatus.Dead, states);
            if (states.Count == expectedMessages && states.All(s => s == OutboxStatus.Sent)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The crossing re-index was not carried out in time.");
    }

    /// <summary>A published listing at its own point, indexed.</summary>
    private async Task<string> PublishedAtAsync(double latitude, double longitude)
    {
        var (_, official) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewPublishedAsync(await factory.NewOrganizationAsync(official), "密山口岸物流园");
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.SingleAsync(x => x.Id == id);
            (o.Latitude, o.Longitude) = (latitude, longitude);
            db.Enqueue(OutboxKinds.Index, new IndexRequest([id], []), $"index:test:{id:N}");
            return await db.SaveChangesAsync();
        });
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        return await factory.SlugAsync(id);
    }

    private async Task<bool> FoundWithinAsync(HttpClient client, string slug, int km)
    {
        var results = await client.GetDocumentAsync($"/en/opportunities?within={km}&crossing={Mishan}");
        return results.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"/en/opportunities/{slug}");
    }

    private static string Km(double km) => BorderMapBuilder.Kilometres(km, Cultures.En) + " km";

    [Fact]
    public async Task A_correction_is_stored_audited_shown_at_once_and_moving_the_crossing_moves_the_distances()
    {
        var listing = new GeoPoint(45.30, 132.05);
        var file = factory.Services.GetRequiredService<BorderCrossings>().FileVersion(Mishan)!;
        var slug = await PublishedAtAsync(listing.Latitude, listing.Longitude);
        using var visitor = factory.CreateBrowserlikeClient();

        var before = (await visitor.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".nearest-crossings li")!;
        Assert.Equal(Mishan, before.GetAttribute("data-crossing"));
        Assert.Equal(Km(listing.DistanceKm(file.Position)), before.QuerySelector(".distance")!.TextContent);
        Assert.True(await FoundWithinAsync(visitor, slug, 10), "8.9 km from the crossing in the file");

        // The admin finds the crossing in the list and corrects its English name and its point, citing a source.
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var list = await admin.GetDocumentAsync("/en/admin/crossings");
        Assert.Equal(13, list.QuerySelectorAll("tr[data-code]").Length);
        Assert.NotNull(list.QuerySelector($"tr[data-code='{Mishan}'] a[href='/en/admin/crossings/{Mishan}']"));
        var form = await admin.GetDocumentAsync($"/en/admin/crossings/{Mishan}");
        Assert.Equal(file.Name(Cultures.Ru), form.QuerySelector("#Input_NameRu")!.GetAttribute("value"));
        var response = await SubmitCrossingAsync(admin, form, new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Mishan (Dangbi)–Turiy Rog crossing",
            ["Input.Latitude"] = "45,5",
            ["Input.Longitude"] = "132.05",
            ["Input.SourceNote"] = "Checkpoint moved to the new inspection area, provincial port office notice of 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/en/admin/crossings#crossing-{Mishan}", response.Headers.Location!.OriginalString);
        var saved = await admin.GetDocumentAsync("/en/admin/crossings");
        Assert.Contains("Mishan (Dangbi)–Turiy Rog crossing", saved.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("re-indexed", saved.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("45.5, 132.05", saved.QuerySelector($"tr[data-code='{Mishan}'] .position")!.TextContent, StringComparison.Ordinal);

        // Stored as a correction of what differs from the file only.
        var row = await factory.WithDbAsync(db => db.BorderCrossingCorrections.AsNoTracking().SingleAsync(c => c.Code == Mishan));
        Assert.Equal(("Mishan (Dangbi)–Turiy Rog crossing", 45.5, 132.05), (row.NameEn, row.Latitude, row.Longitude));
        Assert.Null(row.NameZh);
        Assert.Null(row.Modes);
        // Audited: who, what changed from what, and the source.
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "crossing.correct" && a.EntityId == Mishan));
        Assert.Equal((adminUser.Id, CrossingCorrectionAdmin.AuditEntityType), (audit.UserId, audit.EntityType));
        Assert.Contains($"name en: {file.Name(Cultures.En)} → Mishan (Dangbi)–Turiy Rog crossing", audit.Details, StringComparison.Ordinal);
        Assert.Contains("position: 45.22, 132.05 → 45.5, 132.05", audit.Details, StringComparison.Ordinal);
        Assert.StartsWith("Checkpoint moved", audit.Reason, StringComparison.Ordinal);

        // At once on the pages: the new name and the distance from the new point (the page measures when it is drawn).
        var moved = new GeoPoint(45.5, 132.05);
        var after = (await visitor.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".nearest-crossings li")!;
        Assert.Equal("Mishan (Dangbi)–Turiy Rog crossing", after.QuerySelector("a")!.TextContent);
        Assert.Equal(Km(listing.DistanceKm(moved)), after.QuerySelector(".distance")!.TextContent);
        Assert.NotEqual(before.QuerySelector(".distance")!.TextContent, after.QuerySelector(".distance")!.TextContent);
        var search = await visitor.GetDocumentAsync($"/en/opportunities?crossing={Mishan}");
        Assert.Contains("Mishan (Dangbi)–Turiy Rog crossing", search.QuerySelector(".active-filters")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mishan (Dangbi)–Turiy Rog crossing", search.QuerySelector(".border-map .map-crossing-list")!.TextContent, StringComparison.Ordinal);
        // The Russian page keeps the file's Russian name: only English was corrected.
        var ru = await visitor.GetDocumentAsync($"/ru/opportunities/{slug}");
        Assert.Equal(file.Name(Cultures.Ru), ru.QuerySelector(".nearest-crossings li a")!.TextContent);

        // The index follows through the outbox: 22 km away now, so no longer within 10 km, still within 50.
        await WaitForReindexAsync(1);
        Assert.False(await FoundWithinAsync(visitor, slug, 10));
        Assert.True(await FoundWithinAsync(visitor, slug, 50));

        // Back to the file: audited, shown at once, re-indexed again.
        form = await admin.GetDocumentAsync($"/en/admin/crossings/{Mishan}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/en/admin/crossings/{Mishan}", form, "form.revert-form", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.BorderCrossingCorrections.CountAsync(c => c.Code == Mishan)));
        var revert = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "crossing.revert" && a.EntityId == Mishan));
        Assert.Contains("position: 45.5, 132.05 → 45.22, 132.05", revert.Details, StringComparison.Ordinal);
        var reverted = (await visitor.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector(".nearest-crossings li")!;
        Assert.Equal(file.Name(Cultures.En), reverted.QuerySelector("a")!.TextContent);
        Assert.Equal(before.QuerySelector(".distance")!.TextContent, reverted.QuerySelector(".distance")!.TextContent);
        await WaitForReindexAsync(2);
        Assert.True(await FoundWithinAsync(visitor, slug, 10));
    }

    [Fact]
    public async Task Bad_coordinates_and_a_missing_source_are_refused_in_the_page_language_and_the_input_is_kept()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        const string code = "heihe-blagoveshchensk";
        var url = $"/ru/admin/crossings/{code}";
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == CrossingCorrectionAdmin.AuditEntityType));

        // Longitude first, latitude second: the commonest slip.
        var response = await SubmitCrossingAsync(admin, await admin.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Heihe crossing (typed)", ["Input.Latitude"] = "127.53", ["Input.Longitude"] = "50.25", ["Input.SourceNote"] = "Уведомление",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Широта должна быть от −90 до 90", page.QuerySelector("#Input_Latitude-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Latitude")!.GetAttribute("aria-invalid"));
        Assert.Equal("127.53", page.QuerySelector("#Input_Latitude")!.GetAttribute("value"));
        Assert.Equal("50.25", page.QuerySelector("#Input_Longitude")!.GetAttribute("value"));
        Assert.Equal("Heihe crossing (typed)", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Input_Latitude']"));

        // Beijing is on the globe but not in Heilongjiang; a correction without kinds carries nothing.
        response = await SubmitCrossingAsync(admin, await admin.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Input.Latitude"] = "39.9", ["Input.Longitude"] = "116.4", ["Input.SourceNote"] = "Уведомление",
        }, modes: []);
        page = await response.ParseAsync();
        Assert.Contains("за пределами провинции Хэйлунцзян", page.QuerySelector("#Input_Latitude-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Выберите хотя бы один вид сообщения.", page.QuerySelector("#Input_Modes-error")!.TextContent);
        Assert.Equal("39.9", page.QuerySelector("#Input_Latitude")!.GetAttribute("value"));

        // A change needs its source.
        response = await SubmitCrossingAsync(admin, await admin.GetDocumentAsync(url), new Dictionary<string, string>
        {
            ["Input.CounterpartZh"] = "布市", ["Input.SourceNote"] = " ",
        });
        page = await response.ParseAsync();
        Assert.Equal("Укажите, откуда взяты исправленные сведения.", page.QuerySelector("#Input_SourceNote-error")!.TextContent);
        Assert.Equal("布市", page.QuerySelector("#Input_CounterpartZh")!.GetAttribute("value"));

        Assert.Equal(0, await factory.WithDbAsync(db => db.BorderCrossingCorrections.CountAsync(c => c.Code == code)));
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == CrossingCorrectionAdmin.AuditEntityType)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ru/admin/crossings/no-such-crossing")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_get_in()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        var login = await anonymous.GetAsync("/en/admin/crossings");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/en/account/login", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var role in new[] { Roles.Official, Roles.Investor })
        {
            var (client, _) = await factory.SignedInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/en/admin/crossings")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/en/admin/crossings/hulin-markovo")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFieldsAsync("/en/admin/crossings/hulin-markovo",
                ("Input.NameEn", "Hijacked"), ("Input.Modes", "road"), ("Input.SourceNote", "x"))).StatusCode);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.BorderCrossingCorrections.CountAsync(c => c.Code == "hulin-markovo")));
    }

    [Fact]
    public async Task Another_nodes_correction_is_picked_up_by_the_poll()
    {
        // Written straight to the database, as another node would; this node notices it on its next check.
        await factory.WithDbAsync(async db =>
        {
            db.BorderCrossingCorrections.Add(new BorderCrossingCorrection { Code = "dongning-poltavka", NameEn = "Dongning–Poltavka road crossing", SourceNote = "test" });
            return await db.SaveChangesAsync();
        });
        try
        {
            // Crossings:CorrectionRefreshInterval is 5 s by default.
            var crossings = factory.Services.GetRequiredService<BorderCrossings>();
            for (var deadline = DateTime.UtcNow.AddSeconds(20); crossings.Find("dongning-poltavka")!.Name(Cultures.En) != "Dongning–Poltavka road crossing"
                 && DateTime.UtcNow < deadline;) await Task.Delay(200);
            Assert.Equal("Dongning–Poltavka road crossing", crossings.Find("dongning-poltavka")!.Name(Cultures.En));
            Assert.Equal(crossings.FileVersion("dongning-poltavka")!.Name(Cultures.Zh), crossings.Find("dongning-poltavka")!.Name(Cultures.Zh));
        }
        finally
        {
            await factory.WithDbAsync(db => db.BorderCrossingCorrections.Where(c => c.Code == "dongning-poltavka").ExecuteDeleteAsync());
            await factory.Services.GetRequiredService<BorderCrossingStore>().ReloadAsync();
        }
    }
}

public sealed class CrossingCorrectionsOnSqlite(SqlitePortalFactory factory) : CrossingCorrectionTests<SqlitePortalFactory>(factory);
public sealed class CrossingCorrectionsOnPostgres(PostgresPortalFactory factory) : CrossingCorrectionTests<PostgresPortalFactory>(factory);
