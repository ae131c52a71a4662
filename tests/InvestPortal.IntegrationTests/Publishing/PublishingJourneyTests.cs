using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

public abstract class PublishingJourneyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task Draft_in_Chinese_then_Russian_submit_reject_fix_resubmit_approve_and_find_in_Russian()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.FirstAsync(u => u.Id == ownerUser.Id)).PreferredCulture = "zh";
            return await db.SaveChangesAsync();
        });
        await factory.NewOrganizationAsync(ownerUser);
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);

        // 1. Draft in Chinese.
        var newPage = await owner.GetDocumentAsync("/zh/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("哈尔滨冷链物流园区");
        fields["save"] = "1";
        var saved = await owner.SubmitFormAsync("/zh/my/opportunities/edit", newPage, "form.editor", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await factory.WithDbAsync(db => db.Opportunities.Where(o => o.Translations.Any(t => t.Title == "哈尔滨冷链物流园区")).Select(o => o.Id).SingleAsync());
        var draft = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Draft, draft.Status);
        Assert.Equal(150_000_000m, draft.TotalAmount);

        // 2. Russian added, submitted: pending, admins emailed in their language.
        var editUrl = $"/zh/my/opportunities/edit/{id}";
        fields = PublishingTestKit.EditorFields("哈尔滨冷链物流园区", "Криосклад Харбин: логистический парк", "Парк холодовой логистики");
        fields["submit"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(editUrl, await owner.GetDocumentAsync(editUrl), "form.editor", fields)).StatusCode);
        Assert.Equal(OpportunityStatus.PendingReview, (await factory.OpportunityAsync(id)).Status);
        var submitted = Assert.Single(await factory.EmailsToAsync(adminUser.Email!, EmailTemplates.OpportunitySubmitted));
        Assert.Equal("ru", submitted.Culture);
        Assert.Contains("Криосклад Харбин", submitted.Text, StringComparison.Ordinal);

        // 3. Admin rejects with a reason; the owner is emailed in Chinese and sees the reason.
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        var item = queue.QuerySelector($"li[data-id='{id}']")!;
        Assert.Equal(2, item.QuerySelectorAll(".language-column").Length);
        var rejected = await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.reject-form",
            new Dictionary<string, string> { ["reason"] = "请补充用地面积" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(OpportunityStatus.Rejected, (await factory.OpportunityAsync(id)).Status);
        var rejectEmail = Assert.Single(await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.OpportunityRejected));
        Assert.Equal("zh", rejectEmail.Culture);
        Assert.Contains("请补充用地面积", rejectEmail.Text, StringComparison.Ordinal);
        Assert.Contains("哈尔滨冷链物流园区", rejectEmail.Text, StringComparison.Ordinal);
        var list = await owner.GetDocumentAsync("/zh/my/opportunities");
        Assert.Contains("请补充用地面积", list.QuerySelector($"li[data-id='{id}'] .rejection")!.TextContent, StringComparison.Ordinal);

        // 4. The owner fixes it (back to Draft) and resubmits from the list.
        fields = PublishingTestKit.EditorFields("哈尔滨冷链物流园区", "Криосклад Харбин: логистический парк", "Площадь участка 12 га");
        fields["save"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync(editUrl, await owner.GetDocumentAsync(editUrl), "form.editor", fields)).StatusCode);
        Assert.Equal(OpportunityStatus.Draft, (await factory.OpportunityAsync(id)).Status);
        list = await owner.GetDocumentAsync("/zh/my/opportunities");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync("/zh/my/opportunities", list, $"li[data-id='{id}'] form.inline-form", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(OpportunityStatus.PendingReview, (await factory.OpportunityAsync(id)).Status);

        // 5. Approved: public, emailed, found by a Russian search once indexed.
        queue = await admin.GetDocumentAsync("/ru/admin/moderation");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/ru/admin/moderation", queue, $"li[data-id='{id}'] form.approve-form", new Dictionary<string, string>())).StatusCode);
        var published = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal("zh", Assert.Single(await factory.EmailsToAsync(ownerUser.Email!, EmailTemplates.OpportunityApproved)).Culture);
        using var anonymous = factory.CreateBrowserlikeClient();
        await anonymous.GetDocumentAsync($"/ru/opportunities/{published.Slug}");
        await IndexWaiter.WaitForIndexAsync(factory.Services);
        var results = await anonymous.GetDocumentAsync("/ru/opportunities?q=" + Uri.EscapeDataString("криосклад"));
        Assert.Contains(results.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/ru/opportunities/{published.Slug}");

        // 6. Every step is in the audit log, with who, from and to.
        var audit = await factory.AuditAsync(id);
        Assert.Equal(["opportunity.create", "opportunity.edit", "opportunity.submit", "opportunity.reject", "opportunity.reopen", "opportunity.submit", "opportunity.approve"],
            audit.Select(a => a.Action));
        var reject = audit.Single(a => a.Action == "opportunity.reject");
        Assert.Equal(("PendingReview", "Rejected", "请补充用地面积", adminUser.Id), (reject.FromState, reject.ToState, reject.Reason, reject.UserId));
        Assert.All(audit, a => Assert.NotNull(a.UserName));
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_next_to_the_field()
    {
        var (_, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser));
        await factory.WithDbAsync(async db =>
        {
            (await db.Opportunities.FirstAsync(o => o.Id == id)).Status = OpportunityStatus.PendingReview;
            return await db.SaveChangesAsync();
        });
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var queue = await admin.GetDocumentAsync("/ru/admin/moderation");
        var response = await admin.SubmitFormAsync("/ru/admin/moderation", queue, $"li[data-id='{id}'] form.reject-form", new Dictionary<string, string> { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Укажите причину", page.QuerySelector($"li[data-id='{id}'] .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.PendingReview, (await factory.OpportunityAsync(id)).Status);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_message_and_does_not_overwrite()
    {
        var (first, firstUser) = await factory.SignedInAsync(Roles.Official);
        var (second, secondUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(firstUser, secondUser));
        var url = $"/ru/my/opportunities/edit/{id}";
        var firstPage = await first.GetDocumentAsync(url);
        var secondFields = PublishingTestKit.EditorFields("第二位官员的版本");
        secondFields["save"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitFormAsync(url, await second.GetDocumentAsync(url), "form.editor", secondFields)).StatusCode);

        var firstFields = PublishingTestKit.EditorFields("第一位官员的版本");
        firstFields["save"] = "1";
        var response = await first.SubmitFormAsync(url, firstPage, "form.editor", firstFields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("изменил кто-то другой", page.QuerySelector(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("第一位官员的版本", page.QuerySelector("#Form_Zh_Title")!.GetAttribute("value"));
        Assert.Equal("第二位官员的版本", (await factory.OpportunityAsync(id)).Translations.Single().Title);
    }

    [Fact]
    public async Task Validation_errors_are_shown_next_to_each_field_in_the_page_language_and_keep_the_input()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(ownerUser);
        var page = await owner.GetDocumentAsync("/ru/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("");
        fields["Form.Sector"] = "no-such-sector";
        fields["Form.Amount"] = "много";
        fields["Form.Ru.Summary"] = "Только описание";
        fields["save"] = "1";
        var response = await owner.SubmitFormAsync("/ru/my/opportunities/edit", page, "form.editor", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.NotNull(doc.QuerySelector("#Form_Zh_Title-error"));
        Assert.NotNull(doc.QuerySelector("#Form_Ru_Title-error"));
        Assert.Contains("Выберите", doc.QuerySelector("#Form_Sector-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("больше нуля", doc.QuerySelector("#Form_Amount-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("много", doc.QuerySelector("#Form_Amount")!.GetAttribute("value"));
        Assert.Equal("Только описание", doc.QuerySelector("#Form_Ru_Summary")!.TextContent);
    }
}

public sealed class PublishingJourneyOnSqlite(SqlitePortalFactory factory) : PublishingJourneyTests<SqlitePortalFactory>(factory);
public sealed class PublishingJourneyOnPostgres(PostgresPortalFactory factory) : PublishingJourneyTests<PostgresPortalFactory>(factory);
