using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>
/// Editing a published listing: the change waits for review while the public keeps the approved text;
/// approval applies it (and re-indexes), rejection keeps the published version and tells the owner why.
/// </summary>
public abstract class PublishedRevisionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<(HttpClient Owner, Data.Identity.PortalUser OwnerUser, HttpClient Admin, Data.Identity.PortalUser AdminUser, Guid Id)> ApprovedListingAsync(string zhTitle, string ruTitle)
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), zhTitle);
        var url = $"/ru/my/opportunities/edit/{id}";
        var fields = PublishingTestKit.EditorFields(zhTitle, ruTitle, "Первая редакция");
        fields["submit"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(url, await owner.GetDocumentAsync(url), "form.editor", fields)).StatusCode);
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.approve-form", new Dictionary<string, string>())).StatusCode);
        return (owner, ownerUser, admin, adminUser, id);
    }

    private async Task<HttpResponseMessage> EditPublishedAsync(HttpClient owner, Guid id, string ruTitle, string ruSummary)
    {
        var url = $"/ru/my/opportunities/edit/{id}";
        var page = await owner.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("form.editor button[name=save]"));
        var fields = PublishingTestKit.EditorFields(page.QuerySelector("#Form_Zh_Title")!.GetAttribute("value")!, ruTitle, ruSummary);
        fields["submit"] = "1";
        return await owner.SubmitFormAsync(url, page, "form.editor", fields);
    }

    [Fact]
    public async Task An_edit_of_a_published_listing_waits_for_review_then_approval_applies_and_indexes_it()
    {
        var (owner, ownerUser, admin, adminUser, id) = await ApprovedListingAsync("同江铁路大桥物流园", "Логистический парк у моста Тунцзян");
        // Every approval records what the public now sees and counts as a confirmation.
        var approved = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Published, approved.Status);
        Assert.NotNull(approved.LastConfirmedAt);
        var first = OpportunitySnapshot.FromJson(approved.PublishedSnapshotJson)!;
        Assert.Equal("Логистический парк у моста Тунцзян", first.Text("ru")!.Title);
        var slug = approved.Slug;

        var saved = await EditPublishedAsync(owner, id, "Криоэлеватор Тунцзян", "Вторая редакция");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await owner.GetDocumentAsync("/ru/my/opportunities");
        Assert.Contains("отправлены на модерацию", list.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"li[data-id='{id}'] .revision-state"));

        // Stored as a revision; the listing itself is untouched and stays public as it was.
        var pending = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Published, pending.Status);
        Assert.Equal("Логистический парк у моста Тунцзян", pending.Translations.Single(t => t.Culture == "ru").Title);
        Assert.NotNull(pending.PendingRevisionAt);
        var revision = OpportunitySnapshot.FromJson(pending.PendingRevisionJson)!;
        Assert.Equal(["Title.ru", "Summary.ru"], revision.ChangedFields(first));
        using var anonymous = factory.CreateBrowserlikeClient();
        var publicPage = await anonymous.GetDocumentAsync($"/ru/opportunities/{slug}");
        Assert.Equal("Логистический парк у моста Тунцзян", publicPage.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Криоэлеватор", publicPage.Body!.TextContent, StringComparison.Ordinal);

        // Admins are told as for a submission (this admin joined after the first one); the audit keeps the proposed fields.
        Assert.Single(await factory.EmailsToAsync(adminUser.Email!, EmailTemplates.OpportunitySubmitted));
        var audit = await factory.AuditAsync(id);
        var submit = audit.Single(a => a.Action == "opportunity.revision.submit");
        Assert.Contains("Криоэлеватор", submit.Details, StringComparison.Ordinal);

        // The owner keeps editing the revision, and the preview shows it.
        var editor = await owner.GetDocumentAsync($"/ru/my/opportunities/edit/{id}");
        Assert.Equal("Криоэлеватор Тунцзян", editor.QuerySelector("#Form_Ru_Title")!.GetAttribute("value"));
        Assert.NotNull(editor.QuerySelector(".revision-pending"));
        var preview = await owner.GetDocumentAsync($"/ru/my/opportunities/preview/{id}");
        Assert.Equal("Криоэлеватор Тунцзян", preview.QuerySelector("article.preview h1")!.TextContent);

        // In the moderation queue; approving applies it, re-indexes and emails the owner.
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        Assert.NotNull(queue.QuerySelector($"li[data-id='{id}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.approve-form", new Dictionary<string, string>())).StatusCode);
        var applied = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Published, applied.Status);
        Assert.Equal("Криоэлеватор Тунцзян", applied.Translations.Single(t => t.Culture == "ru").Title);
        Assert.Equal("Вторая редакция", applied.Translations.Single(t => t.Culture == "ru").Summary);
        Assert.Null(applied.PendingRevisionJson);
        Assert.Null(applied.PendingRevisionAt);
        Assert.Equal(slug, applied.Slug);
        Assert.Empty(OpportunitySnapshot.FromJson(applied.PublishedSnapshotJson)!.ChangedFields(revision));
        Assert.True(applied.LastConfirmedAt >= pending.PendingRevisionAt);
        Assert.Equal(2, (await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.OpportunityApproved)).Count);
        Assert.Contains("opportunity.revision.approve", (await factory.AuditAsync(id)).Select(a => a.Action));

        publicPage = await anonymous.GetDocumentAsync($"/ru/opportunities/{slug}");
        Assert.Equal("Криоэлеватор Тунцзян", publicPage.QuerySelector("h1")!.TextContent);
        // The listing was already in the index, so the count-based waiter cannot tell; poll the search itself.
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        var found = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !found && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var results = await anonymous.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("криоэлеватор"));
            found = results.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"/ru/opportunities/{slug}");
        }
        Assert.True(found, "The approved revision never became searchable.");
        Assert.Null((await admin.GetDocumentAsync("/en/admin/moderation")).QuerySelector($"li[data-id='{id}']"));
    }

    [Fact]
    public async Task Rejecting_a_revision_keeps_the_published_version_and_shows_the_owner_why()
    {
        var (owner, ownerUser, admin, _, id) = await ApprovedListingAsync("抚远口岸仓储中心", "Склад на погранпереходе Фуюань");
        Assert.Equal(HttpStatusCode.Redirect, (await EditPublishedAsync(owner, id, "Склад Фуюань — лучший в мире", "Без доказательств")).StatusCode);
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        var rejected = await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.reject-form",
            new Dictionary<string, string> { ["reason"] = "Уберите рекламные превосходные степени" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var kept = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Published, kept.Status);
        Assert.Equal("Склад на погранпереходе Фуюань", kept.Translations.Single(t => t.Culture == "ru").Title);
        Assert.Null(kept.PendingRevisionJson);
        Assert.Equal("Уберите рекламные превосходные степени", kept.RejectionReason);
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal("Склад на погранпереходе Фуюань", (await anonymous.GetDocumentAsync($"/ru/opportunities/{kept.Slug}")).QuerySelector("h1")!.TextContent);

        var editor = await owner.GetDocumentAsync($"/ru/my/opportunities/edit/{id}");
        Assert.Contains("Уберите рекламные превосходные степени", editor.QuerySelector(".revision-rejected")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Склад на погранпереходе Фуюань", editor.QuerySelector("#Form_Ru_Title")!.GetAttribute("value"));
        var email = Assert.Single(await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.OpportunityRejected));
        Assert.Contains("Уберите рекламные превосходные степени", email.Text, StringComparison.Ordinal);
        var reject = (await factory.AuditAsync(id)).Single(a => a.Action == "opportunity.revision.reject");
        Assert.Equal(("Published", "Published", "Уберите рекламные превосходные степени"), (reject.FromState, reject.ToState, reject.Reason));
        Assert.Null(await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.PendingRevisionAt).SingleAsync()));
    }

    [Fact]
    public async Task Saving_a_published_listing_unchanged_sends_nothing_to_review()
    {
        var (owner, _, _, adminUser, id) = await ApprovedListingAsync("虎林绿色食品园", "Парк зелёных продуктов Хулинь");
        var response = await EditPublishedAsync(owner, id, "Парк зелёных продуктов Хулинь", "Первая редакция");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await factory.OpportunityAsync(id)).PendingRevisionJson);
        Assert.Empty(await factory.EmailsToAsync(adminUser.Email!, EmailTemplates.OpportunitySubmitted));
        Assert.DoesNotContain("opportunity.revision.submit", (await factory.AuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Another_organizations_official_gets_404_for_a_published_listings_editor_and_cannot_revise_it()
    {
        var (owner, _, _, _, id) = await ApprovedListingAsync("密山对俄贸易园", "Торговый парк Мишань");
        var (outsider, outsiderUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(outsiderUser);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/ru/my/opportunities/edit/{id}")).StatusCode);
        var own = await outsider.GetDocumentAsync("/ru/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("篡改", "Подмена");
        fields["submit"] = "1";
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SubmitFormAsync($"/ru/my/opportunities/edit/{id}", own, "form.editor", fields)).StatusCode);
        Assert.Null((await factory.OpportunityAsync(id)).PendingRevisionJson);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/ru/my/opportunities/preview/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/ru/my/opportunities/preview/{id}")).StatusCode);
    }
}

public sealed class PublishedRevisionsOnSqlite(SqlitePortalFactory factory) : PublishedRevisionTests<SqlitePortalFactory>(factory);
public sealed class PublishedRevisionsOnPostgres(PostgresPortalFactory factory) : PublishedRevisionTests<PostgresPortalFactory>(factory);
