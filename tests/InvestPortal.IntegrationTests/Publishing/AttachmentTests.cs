using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Uploads through the editor: accepted by content, refused with a message next to the field, served with safe headers.</summary>
public abstract class AttachmentTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private async Task<(HttpClient Owner, Guid Id, string EditUrl)> OwnDraftAsync(string culture = "en")
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "附件测试项目");
        return (owner, id, $"/{culture}/my/opportunities/edit/{id}");
    }

    [Fact]
    public async Task PDF_PNG_and_JPEG_are_accepted_by_content_stored_under_server_made_names_and_served_with_safe_headers()
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        var uploaded = await owner.UploadAsync(editUrl, EditorTestKit.Pdf, "招商手册 2026.pdf");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = await owner.FollowAsync(uploaded);
        Assert.Contains("has been added", page.QuerySelector("#attachments .notice")!.TextContent, StringComparison.Ordinal);
        // The browser's claim (text/plain) is ignored: the bytes decide.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.UploadAsync(editUrl, EditorTestKit.Png, "site plan.png", "text/plain")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.UploadAsync(editUrl, EditorTestKit.Jpeg, "photo.jpeg", "application/octet-stream")).StatusCode);

        var attachments = (await factory.AttachmentsAsync(id)).OrderBy(a => a.CreatedAt).ToList();
        Assert.Equal(["招商手册 2026.pdf", "site plan.png", "photo.jpeg"], attachments.Select(a => a.FileName));
        Assert.Equal(["application/pdf", "image/png", "image/jpeg"], attachments.Select(a => a.ContentType));
        Assert.Equal(EditorTestKit.Pdf.Length, attachments[0].Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EditorTestKit.Pdf)), attachments[0].Sha256);
        Assert.Equal(attachments.Select(a => a.Id.ToString("N")).Order(), await factory.StoredFilesAsync(id));

        var editor = await owner.GetDocumentAsync(editUrl);
        Assert.Equal(3, editor.QuerySelectorAll("#attachments .attachment-list li").Length);

        var pdf = await owner.GetAsync($"/attachments/{attachments[0].Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", pdf.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var disposition = pdf.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("招商手册 2026.pdf", disposition.FileNameStar);
        Assert.Equal(EditorTestKit.Pdf, await pdf.Content.ReadAsByteArrayAsync());

        var png = await owner.GetAsync($"/attachments/{attachments[1].Id}");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", png.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", png.Headers.GetValues("X-Content-Type-Options").Single());
    }

    public static TheoryData<string, byte[], string, string> Refused() => new()
    {
        { "setup.exe", EditorTestKit.Exe, "application/x-msdownload", "Programs and scripts" },
        { "brochure.pdf", EditorTestKit.Exe, "application/pdf", "Programs and scripts" },
        { "plan.pdf", EditorTestKit.Elf, "application/pdf", "Programs and scripts" },
        { "install.sh", EditorTestKit.Script, "text/x-sh", "Programs and scripts" },
        { "page.html", EditorTestKit.Html, "text/html", "HTML, SVG and XML" },
        { "logo.svg", EditorTestKit.Svg, "image/svg+xml", "HTML, SVG and XML" },
        { "logo.png", EditorTestKit.Svg, "image/png", "HTML, SVG and XML" },
        { "notes.docx", "PK\u0003\u0004 word"u8.ToArray(), "application/octet-stream", "not a PDF, JPEG or PNG" },
        { "empty.pdf", [], "application/pdf", "is empty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Executables_markup_unknown_and_empty_files_are_refused_with_a_message_next_to_the_field(
        string name, byte[] bytes, string claimedType, string message)
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        var response = await owner.UploadAsync(editUrl, bytes, name, claimedType);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await owner.FollowAsync(response);
        var error = page.QuerySelector("#upload-error")!;
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#upload")!.GetAttribute("aria-invalid"));
        Assert.Contains("upload-error", page.QuerySelector("#upload")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(await factory.AttachmentsAsync(id));
        var folder = Path.Combine(factory.DataPath, "uploads", id.ToString("N"));
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task Oversize_files_and_the_eleventh_file_are_refused_in_the_officials_language()
    {
        var (owner, id, editUrl) = await OwnDraftAsync("ru");
        var big = new byte[10 * 1024 * 1024 + 1];
        EditorTestKit.Pdf.CopyTo(big, 0);
        var page = await owner.FollowAsync(await owner.UploadAsync(editUrl, big, "big.pdf"));
        Assert.Contains("слишком большой", page.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10 МБ", page.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await factory.AttachmentsAsync(id));

        await factory.WithDbAsync(db =>
        {
            for (var i = 0; i < 10; i++)
                db.OpportunityAttachments.Add(new OpportunityAttachment { OpportunityId = id, FileName = $"f{i}.pdf", ContentType = "application/pdf", Length = 1, Sha256 = "x" });
            return db.SaveChangesAsync();
        });
        page = await owner.FollowAsync(await owner.UploadAsync(editUrl, EditorTestKit.Pdf, "one-more.pdf"));
        Assert.Contains("не больше 10 вложений", page.QuerySelector("#upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, (await factory.AttachmentsAsync(id)).Count);
    }

    [Fact]
    public async Task A_path_traversal_name_is_cleaned_and_never_reaches_the_file_system()
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        foreach (var name in new[] { "../../../etc/passwd.pdf", "..\\..\\web.config.pdf", "/tmp/evil\u202Efdp.exe" })
            Assert.Equal(HttpStatusCode.Redirect, (await owner.UploadAsync(editUrl, EditorTestKit.Pdf, name)).StatusCode);
        var names = (await factory.AttachmentsAsync(id)).OrderBy(a => a.CreatedAt).Select(a => a.FileName).ToList();
        Assert.Equal(["passwd.pdf", "web.config.pdf", "evilfdp.exe.pdf"], names);
        Assert.All(names, n => Assert.DoesNotContain("..", n, StringComparison.Ordinal));
        // Everything is under uploads/{opportunity}/ and named by the server.
        var files = Directory.GetFiles(Path.Combine(factory.DataPath, "uploads"), "*", SearchOption.AllDirectories);
        Assert.All(files.Where(f => f.Contains(id.ToString("N"), StringComparison.Ordinal)), f => Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(f)));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "etc", "passwd.pdf")));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "web.config.pdf")));
    }

    [Fact]
    public async Task A_draft_attachment_is_404_for_anonymous_visitors_and_other_organizations_until_published()
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        await owner.UploadAsync(editUrl, EditorTestKit.Png, "plan.png", "image/png");
        var attachment = Assert.Single(await factory.AttachmentsAsync(id));
        var url = $"/attachments/{attachment.Id}";
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        var (outsider, outsiderUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(outsiderUser);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.NotFound, (await investor.GetAsync(url)).StatusCode);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/attachments/{Guid.NewGuid()}")).StatusCode);

        // Another organization's official cannot upload to or delete from it either.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(editUrl)).StatusCode);
        var own = await outsider.GetDocumentAsync("/en/my/opportunities/edit");
        var forged = await outsider.SubmitFormAsync($"/en/my/opportunities/attachments/{id}?handler=Delete", own, "form.editor",
            new Dictionary<string, string> { ["attachmentId"] = attachment.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Single(await factory.AttachmentsAsync(id));

        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == id);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var served = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(EditorTestKit.Png, await served.Content.ReadAsByteArrayAsync());
        var detail = await anonymous.GetDocumentAsync($"/zh/opportunities/{await factory.SlugAsync(id)}");
        var link = detail.QuerySelector(".attachments a")!;
        Assert.Equal(("plan.png", url), (link.TextContent, link.GetAttribute("href")));
        Assert.Contains("PNG", detail.QuerySelector(".attachments li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_added_to_a_published_listing_stays_private_until_an_admin_approves_it()
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == id);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.UploadAsync(editUrl, EditorTestKit.Png, "new-site-plan.png", "image/png")).StatusCode);
        var attachment = Assert.Single(await factory.AttachmentsAsync(id));
        Assert.True(attachment.IsPendingReview);
        // Admins are told, as for an edited text.
        var adminKey = $"opportunity-submitted:{id:N}:";
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "email"
            && m.IdempotencyKey.StartsWith(adminKey) && m.IdempotencyKey.EndsWith(adminUser.Id))));
        var url = $"/attachments/{attachment.Id}";
        var detailUrl = $"/ru/opportunities/{await factory.SlugAsync(id)}";

        // The public sees neither the link nor the file; the owner sees it, marked.
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Null((await anonymous.GetDocumentAsync(detailUrl)).QuerySelector(".attachments"));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);
        Assert.NotNull((await owner.GetDocumentAsync(editUrl)).QuerySelector($"#attachments li[data-id='{attachment.Id}'] .pending-review"));

        // The listing waits in the moderation queue; approving it publishes the file.
        Assert.NotNull((await admin.GetDocumentAsync("/en/admin/moderation")).QuerySelector($".moderation-queue > li[data-id='{id}']"));
        var reviewUrl = $"/en/admin/moderation/review/{id}";
        var review = await admin.GetDocumentAsync(reviewUrl);
        Assert.NotNull(review.QuerySelector(".attachments .pending-review"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(reviewUrl, review, "form.approve-form", new Dictionary<string, string>())).StatusCode);
        Assert.False(Assert.Single(await factory.AttachmentsAsync(id)).IsPendingReview);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(url, (await anonymous.GetDocumentAsync(detailUrl)).QuerySelector(".attachments a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_owner_deletes_an_attachment_and_its_file()
    {
        var (owner, id, editUrl) = await OwnDraftAsync();
        await owner.UploadAsync(editUrl, EditorTestKit.Pdf, "old.pdf");
        var attachment = Assert.Single(await factory.AttachmentsAsync(id));
        var page = await owner.GetDocumentAsync(editUrl);
        var deleted = await owner.SubmitFormAsync(editUrl, page, $"li[data-id='{attachment.Id}'] form.delete-attachment", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await factory.AttachmentsAsync(id));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "uploads", id.ToString("N"), attachment.Id.ToString("N"))));
        Assert.Empty(await factory.StoredFilesAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/attachments/{attachment.Id}")).StatusCode);
        var audit = await factory.AuditAsync(id);
        Assert.Equal(["opportunity.attachment.add", "opportunity.attachment.delete"], audit.Select(a => a.Action));
    }
}

public sealed class AttachmentsOnSqlite(SqlitePortalFactory factory) : AttachmentTests<SqlitePortalFactory>(factory);
public sealed class AttachmentsOnPostgres(PostgresPortalFactory factory) : AttachmentTests<PostgresPortalFactory>(factory);
