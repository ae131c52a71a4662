using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>The moderation queue's filters and counts, the review page's language columns and diff, templates and bulk approval.</summary>
public abstract class ModerationQueueTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static List<string> Ids(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll(".moderation-queue > li").Select(li => li.GetAttribute("data-id")!).ToList();

    [Fact]
    public async Task Filters_by_organization_sector_language_and_kind_oldest_first_with_counts()
    {
        var org = await factory.NewOrganizationAsync();
        var other = await factory.NewOrganizationAsync();
        var now = DateTimeOffset.UtcNow;
        var older = await factory.NewPendingAsync(org, "较早的项目", "energy", now.AddHours(-5), Cultures.Zh, Cultures.Ru);
        var newer = await factory.NewPendingAsync(org, "较新的项目", "energy", now.AddHours(-1), Cultures.Zh);
        var agri = await factory.NewPendingAsync(org, "农业项目", "agri-food", now.AddHours(-3), Cultures.En);
        var edit = await factory.NewPublishedWithRevisionAsync(org, "冷链物流园", "冷链物流园区二期", 150_000_000);
        var elsewhere = await factory.NewPendingAsync(other, "别的机构", "energy", now.AddHours(-4));
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var all = await admin.GetDocumentAsync($"/en/admin/moderation?org={org}");
        Assert.Equal([older.ToString(), agri.ToString(), newer.ToString(), edit.ToString()], Ids(all));
        Assert.DoesNotContain(elsewhere.ToString(), Ids(all));
        Assert.Contains("3 new submissions and 1 edits", all.QuerySelector("#queue-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("edit", all.QuerySelector($"li[data-id='{edit}']")!.GetAttribute("data-kind"));

        Assert.Equal([older.ToString(), newer.ToString()], Ids(await admin.GetDocumentAsync($"/en/admin/moderation?org={org}&sector=energy&kind=new")));
        Assert.Equal([older.ToString()], Ids(await admin.GetDocumentAsync($"/en/admin/moderation?org={org}&lang=ru")));
        Assert.Equal([agri.ToString()], Ids(await admin.GetDocumentAsync($"/en/admin/moderation?org={org}&lang=en&kind=new")));
        Assert.Equal([edit.ToString()], Ids(await admin.GetDocumentAsync($"/en/admin/moderation?org={org}&kind=edit")));

        // The Russian queue speaks Russian, including the kinds.
        var ru = await admin.GetDocumentAsync($"/ru/admin/moderation?org={org}&kind=edit");
        Assert.Contains("Правка опубликованного проекта", ru.QuerySelector($"li[data-id='{edit}'] .badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_shows_languages_side_by_side_and_a_diff_against_the_published_version()
    {
        var org = await factory.NewOrganizationAsync();
        var edit = await factory.NewPublishedWithRevisionAsync(org, "冷链物流园", "冷链物流园区二期", 150_000_000);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync($"/en/admin/moderation/review/{edit}");
        var columns = page.QuerySelectorAll(".columns-3 .language-column");
        Assert.Equal(["zh-Hans", "ru", "en"], columns.Select(c => c.GetAttribute("lang")));
        Assert.Contains("original", columns[0].QuerySelector("h3 .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No text in this language", columns[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("冷链物流园区二期", columns[0].TextContent, StringComparison.Ordinal);

        var changed = page.QuerySelectorAll(".diff-table tr.changed th").Select(th => th.TextContent).ToList();
        Assert.Single(changed);
        Assert.Contains("Total investment", changed[0], StringComparison.Ordinal);
        var amountRow = page.QuerySelector(".diff-table tr.changed")!;
        Assert.Contains("CNY 100 million", amountRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("CNY 150 million", amountRow.TextContent, StringComparison.Ordinal);

        // Chinese by character, English by word.
        var zh = page.QuerySelectorAll(".text-diff .diff[lang='zh-Hans']").Single();
        Assert.Equal(["二"], zh.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Equal(["一"], zh.QuerySelectorAll("del").Select(e => e.TextContent));
        var en = page.QuerySelectorAll(".text-diff .diff[lang='en']").Single();
        Assert.Equal(["two"], en.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Equal(["one"], en.QuerySelectorAll("del").Select(e => e.TextContent));

        // A new submission has nothing to compare with, and says so.
        var pending = await factory.NewPendingAsync(org, "新项目");
        var fresh = await admin.GetDocumentAsync($"/ru/admin/moderation/review/{pending}");
        Assert.Contains("ещё не публиковался", fresh.QuerySelector(".note")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(fresh.QuerySelectorAll(".diff-table tr.changed"));

        // Drafts stay private even to this page.
        var draft = await factory.NewDraftAsync(org);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/en/admin/moderation/review/{draft}")).StatusCode);
    }

    [Fact]
    public async Task Approving_an_edit_from_the_review_page_applies_the_revision_and_keeps_the_listing_public()
    {
        var org = await factory.NewOrganizationAsync();
        var edit = await factory.NewPublishedWithRevisionAsync(org, "冷链物流园", "冷链物流园区二期", 150_000_000);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var review = await admin.GetDocumentAsync($"/en/admin/moderation/review/{edit}");
        var response = await admin.SubmitFormAsync($"/en/admin/moderation/review/{edit}", review, "form.approve-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.OpportunityAsync(edit);
        Assert.Equal((OpportunityStatus.Published, 150_000_000m, (string?)null), (stored.Status, stored.TotalAmount, stored.PendingRevisionJson));
        Assert.Equal("冷链物流园区二期", stored.Translations.Single(t => t.Culture == Cultures.Zh).Summary);
        Assert.Empty(Ids(await admin.GetDocumentAsync($"/en/admin/moderation?org={org}&kind=edit")));
    }

    [Fact]
    public async Task A_template_reason_chosen_without_javascript_reaches_the_owner_in_the_listings_language()
    {
        var (_, owner) = await factory.SignedInAsync(Roles.Official);
        var org = await factory.NewOrganizationAsync(owner);
        var id = await factory.NewPendingAsync(org, "缺金额的项目", cultures: [Cultures.Zh, Cultures.Ru]);
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);

        var queue = await admin.GetDocumentAsync($"/en/admin/moderation?org={org}");
        var select = queue.QuerySelector($"li[data-id='{id}'] select[name=template]")!;
        Assert.Contains("请注明投资总额", select.QuerySelector("option[value='missing-amount']")!.GetAttribute("data-text"), StringComparison.Ordinal);
        Assert.Equal("Missing investment amount", select.QuerySelector("option[value='missing-amount']")!.TextContent.Trim());

        var response = await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.reject-form",
            new Dictionary<string, string> { ["template"] = "missing-amount", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/en/admin/moderation?org={org}", response.Headers.Location!.OriginalString);
        var stored = await factory.OpportunityAsync(id);
        Assert.Equal(OpportunityStatus.Rejected, stored.Status);
        Assert.Equal("请注明投资总额及币种。", stored.RejectionReason);
        var email = Assert.Single(await factory.EmailsToAsync(owner.Email!, EmailTemplates.OpportunityRejected));
        Assert.Contains("请注明投资总额及币种。", email.Text, StringComparison.Ordinal);
        var audit = (await factory.AuditAsync(id)).Single(a => a.Action == "opportunity.reject");
        Assert.Equal((adminUser.Id, "请注明投资总额及币种。"), (audit.UserId, audit.Reason));

        // A typed reason wins over the template.
        var second = await factory.NewPendingAsync(org, "第二个项目");
        var review = await admin.GetDocumentAsync($"/ru/admin/moderation/review/{second}");
        response = await admin.SubmitFormAsync($"/ru/admin/moderation/review/{second}", review, "form.reject-form",
            new Dictionary<string, string> { ["template"] = "duplicate-listing", ["reason"] = "请补充用地面积" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("请补充用地面积", (await factory.OpportunityAsync(second)).RejectionReason);

        // Neither a template nor a reason: the error is next to the field, nothing changes.
        var third = await factory.NewPendingAsync(org, "第三个项目");
        review = await admin.GetDocumentAsync($"/ru/admin/moderation/review/{third}");
        response = await admin.SubmitFormAsync($"/ru/admin/moderation/review/{third}", review, "form.reject-form",
            new Dictionary<string, string> { ["template"] = "", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите причину", (await response.ParseAsync()).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.PendingReview, await factory.StatusAsync(third));
    }

    [Fact]
    public async Task Bulk_approve_publishes_each_item_and_reports_the_one_that_changed_meanwhile()
    {
        var (_, owner) = await factory.SignedInAsync(Roles.Official);
        var org = await factory.NewOrganizationAsync(owner);
        var a = await factory.NewPendingAsync(org, "批量甲");
        var b = await factory.NewPendingAsync(org, "批量乙");
        var c = await factory.NewPendingAsync(org, "批量丙");
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var queue = await admin.GetDocumentAsync($"/zh/admin/moderation?org={org}");
        var picks = queue.QuerySelectorAll("input[name=items][form=bulk-approve]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(3, picks.Count);

        // Someone changes b after the moderator loaded the queue: its version no longer matches.
        await factory.WithDbAsync(async db =>
        {
            (await db.Opportunities.FirstAsync(o => o.Id == b)).Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        var token = queue.QuerySelector("#bulk-approve input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = picks.Select(p => new KeyValuePair<string, string>("items", p))
            .Append(new("__RequestVerificationToken", token)).Append(new("back", $"?org={org}")).ToList();
        var response = await admin.PostAsync("/zh/admin/moderation?handler=BulkApprove", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(OpportunityStatus.Published, await factory.StatusAsync(a));
        Assert.Equal(OpportunityStatus.PendingReview, await factory.StatusAsync(b));
        Assert.Equal(OpportunityStatus.Published, await factory.StatusAsync(c));
        Assert.Equal(2, (await factory.EmailsToAsync(owner.Email!, EmailTemplates.OpportunityApproved)).Count);

        var after = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var report = after.QuerySelectorAll(".bulk-report li").Select(li => (li.ClassName, li.TextContent)).ToList();
        Assert.Equal(3, report.Count);
        var conflict = Assert.Single(report, r => r.ClassName == "problem-line");
        Assert.Contains("批量乙", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("修改", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal([b.ToString()], Ids(after));
    }
}

public sealed class ModerationQueueOnSqlite(SqlitePortalFactory factory) : ModerationQueueTests<SqlitePortalFactory>(factory);
public sealed class ModerationQueueOnPostgres(PostgresPortalFactory factory) : ModerationQueueTests<PostgresPortalFactory>(factory);
