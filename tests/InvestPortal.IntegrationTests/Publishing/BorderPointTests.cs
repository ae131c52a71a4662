using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Testing;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>
/// The official's point on a listing (issue 16): refused outside the province with the input kept, waits for review
/// on a published listing, and after approval moves the listing's distances on its page and in the search filters.
/// </summary>
public abstract class BorderPointTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task A_point_outside_the_province_is_refused_in_the_page_language_and_the_input_is_kept()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "同江口岸冷库");
        var url = $"/ru/my/opportunities/edit/{id}";
        var fields = PublishingTestKit.EditorFields("同江口岸冷库");
        // Longitude first, latitude second: the commonest slip.
        fields["Form.Latitude"] = "132.50";
        fields["Form.Longitude"] = "47.70";
        fields["save"] = "1";
        var response = await owner.SubmitFormAsync(url, await owner.GetDocumentAsync(url), "form.editor", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Широта должна быть от −90 до 90", page.QuerySelector("#Form_Latitude-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("132.50", page.QuerySelector("#Form_Latitude")!.GetAttribute("value"));
        Assert.Equal("47.70", page.QuerySelector("#Form_Longitude")!.GetAttribute("value"));
        Assert.Null((await factory.OpportunityAsync(id)).Latitude);

        fields["Form.Latitude"] = "39.9";
        fields["Form.Longitude"] = "116.4";
        page = await (await owner.SubmitFormAsync(url, await owner.GetDocumentAsync(url), "form.editor", fields)).ParseAsync();
        Assert.Contains("за пределами провинции Хэйлунцзян", page.QuerySelector("#Form_Latitude-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_sets_a_point_and_the_distance_to_the_border_changes_after_approval()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "哈尔滨冷链物流园");
        var url = $"/en/my/opportunities/edit/{id}";
        var fields = PublishingTestKit.EditorFields("哈尔滨冷链物流园", "Холодильный склад", "Логистика");
        fields["submit"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(url, await owner.GetDocumentAsync(url), "form.editor", fields)).StatusCode);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        await ApproveAsync(admin, id);
        var slug = (await factory.OpportunityAsync(id)).Slug;

        // In Harbin (the editor's default location), some 400 km from the nearest crossing (Luobei–Amurzet, 396.9 km).
        using var anonymous = factory.CreateBrowserlikeClient();
        var before = await anonymous.GetDocumentAsync($"/en/opportunities/{slug}");
        var nearest = before.QuerySelectorAll(".nearest-crossings li");
        Assert.Equal(3, nearest.Length);
        Assert.Equal("397 km", nearest[0].QuerySelector(".distance")!.TextContent);
        Assert.Contains("centre of Harbin", before.QuerySelector(".border-map .measured-from")!.TextContent, StringComparison.Ordinal);

        // The official puts it by the Tongjiang crossing; the edit waits for review and the public still sees Harbin.
        var editor = await owner.GetDocumentAsync(url);
        fields = PublishingTestKit.EditorFields("哈尔滨冷链物流园", "Холодильный склад", "Логистика");
        fields["Form.Latitude"] = "47,70";
        fields["Form.Longitude"] = "132.50";
        fields["submit"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(url, editor, "form.editor", fields)).StatusCode);
        Assert.Null((await factory.OpportunityAsync(id)).Latitude);
        var pending = await anonymous.GetDocumentAsync($"/en/opportunities/{slug}");
        Assert.Equal("397 km", pending.QuerySelector(".nearest-crossings li .distance")!.TextContent);

        await ApproveAsync(admin, id);
        var approved = await factory.OpportunityAsync(id);
        Assert.Equal((47.70, 132.50), (approved.Latitude!.Value, approved.Longitude!.Value));
        // By hand to Tongjiang (47.66, 132.52): 4.69 km (see SearchEngineConformanceTests).
        var after = await anonymous.GetDocumentAsync($"/en/opportunities/{slug}");
        var first = after.QuerySelector(".nearest-crossings li")!;
        Assert.Equal("tongjiang-nizhneleninskoye", first.GetAttribute("data-crossing"));
        Assert.Equal("4.7 km", first.QuerySelector(".distance")!.TextContent);
        Assert.Contains("rail (1520/1435 mm gauge change)", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("point the official gave", after.QuerySelector(".border-map .measured-from")!.TextContent, StringComparison.Ordinal);

        // And the search's "within 10 km of a crossing" now finds it (the index follows the approval through the outbox).
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        var found = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !found && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var results = await anonymous.GetDocumentAsync("/ru/opportunities?within=10&crossing=tongjiang-nizhneleninskoye");
            found = results.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"/ru/opportunities/{slug}");
        }
        Assert.True(found, "The approved point never reached the distance filter.");
    }

    private static async Task ApproveAsync(HttpClient admin, Guid id)
    {
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.approve-form", new Dictionary<string, string>())).StatusCode);
    }
}

public sealed class BorderPointOnSqlite(SqlitePortalFactory factory) : BorderPointTests<SqlitePortalFactory>(factory);
public sealed class BorderPointOnPostgres(PostgresPortalFactory factory) : BorderPointTests<PostgresPortalFactory>(factory);
