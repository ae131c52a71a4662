using System.Net;
using InvestPortal.Core.Domain;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Each role against the list, the editor (GET and POST) and the moderation queue.</summary>
public abstract class PublishingPermissionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync());
        foreach (var url in new[] { "/en/my/opportunities", $"/en/my/opportunities/edit/{id}", "/en/admin/moderation" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/en/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Investors_get_no_editor_no_moderation_and_a_404_for_any_id()
    {
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync("/en/my/opportunities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync("/en/my/opportunities/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investor.GetAsync($"/en/my/opportunities/edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync("/en/admin/moderation")).StatusCode);
    }

    [Fact]
    public async Task An_official_of_another_organization_gets_404_for_someone_elses_draft_on_get_and_post()
    {
        var (outsider, outsiderUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(outsiderUser);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(), "别人的草稿");

        var list = await outsider.GetDocumentAsync("/en/my/opportunities");
        Assert.Null(list.QuerySelector($"li[data-id='{id}']"));
        Assert.DoesNotContain("别人的草稿", list.Body!.TextContent, StringComparison.Ordinal);
        var notFound = await outsider.GetAsync($"/en/my/opportunities/edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("别人的草稿", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A forged POST with a valid antiforgery token is just as unknown.
        var own = await outsider.GetDocumentAsync("/en/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("篡改");
        fields["save"] = "1";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SubmitFormAsync($"/en/my/opportunities/edit/{id}", own, "form.editor", fields)).StatusCode);
        fields = new Dictionary<string, string> { ["id"] = id.ToString(), ["version"] = Guid.Empty.ToString(), ["action"] = "Submit" };
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SubmitFormAsync("/en/my/opportunities?handler=Transition", own, "form.editor", fields)).StatusCode);
        Assert.Equal("别人的草稿", (await factory.OpportunityAsync(id)).Translations.Single().Title);
        Assert.Equal(OpportunityStatus.Draft, (await factory.OpportunityAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/en/admin/moderation")).StatusCode);
    }

    [Fact]
    public async Task A_member_official_sees_and_edits_and_an_admin_may_edit_and_moderate()
    {
        var (member, memberUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(memberUser), "自己的草稿");
        var list = await member.GetDocumentAsync("/zh/my/opportunities");
        Assert.Contains("草稿", list.QuerySelector($"li[data-id='{id}'] .badge")!.TextContent, StringComparison.Ordinal);
        await member.GetDocumentAsync($"/zh/my/opportunities/edit/{id}");

        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var edit = await admin.GetDocumentAsync($"/en/my/opportunities/edit/{id}");
        Assert.Equal("自己的草稿", edit.QuerySelector("#Form_Zh_Title")!.GetAttribute("value"));
        await admin.GetDocumentAsync("/en/admin/moderation");
    }

    [Fact]
    public async Task Closed_listings_cannot_be_edited_and_say_why()
    {
        // Published ones can: their edits go to review (see Editor/PublishedRevisionTests).
        var (member, memberUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(memberUser));
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FindAsync(id);
            o!.Status = OpportunityStatus.Closed;
            o.PublishedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        var page = await member.GetDocumentAsync($"/en/my/opportunities/edit/{id}");
        Assert.Null(page.QuerySelector("form.editor"));
        Assert.Contains("cannot be edited", page.QuerySelector(".problem")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class PublishingPermissionsOnSqlite(SqlitePortalFactory factory) : PublishingPermissionTests<SqlitePortalFactory>(factory);
public sealed class PublishingPermissionsOnPostgres(PostgresPortalFactory factory) : PublishingPermissionTests<PostgresPortalFactory>(factory);
