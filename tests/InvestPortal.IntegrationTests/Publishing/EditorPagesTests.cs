using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Markdown on the public page, the preview in each language, and input that survives a refused save.</summary>
public abstract class EditorPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    [Fact]
    public async Task The_public_page_renders_every_XSS_payload_harmlessly_and_still_works()
    {
        var org = await factory.NewOrganizationAsync();
        var description = "**项目亮点**\n\n" + string.Join("\n\n", MarkdownSafety.Payloads);
        var id = await factory.NewPublishedAsync(org, "安全渲染测试项目", description: description);
        using var anonymous = factory.CreateBrowserlikeClient();
        var response = await anonymous.GetAsync($"/en/opportunities/{await factory.SlugAsync(id)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("安全渲染测试项目", page.QuerySelector("h1")!.TextContent);
        var prose = page.QuerySelector(".prose")!;
        Assert.Equal("项目亮点", prose.QuerySelector("strong")!.TextContent);
        MarkdownSafety.AssertSafe(prose, "all payloads on the detail page");
        // Nothing anywhere on the page runs code: the layout has no inline script either (CSP).
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Preview_shows_the_unpublished_listing_as_the_public_would_in_each_language()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(ownerUser);
        var page = await owner.GetDocumentAsync("/zh/my/opportunities/edit");
        var fields = PublishingTestKit.EditorFields("绥芬河木材加工园", "Лесопереработка в Суйфэньхэ");
        fields["Form.Zh.Description"] = "**年加工能力** 30 万立方米\n\n[园区网站](https://example.com/park)";
        fields["preview"] = "1";
        var saved = await owner.SubmitFormAsync("/zh/my/opportunities/edit", page, "form.editor", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var previewPath = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/zh/my/opportunities/preview/[0-9a-f-]{36}$", previewPath);
        var id = Guid.Parse(previewPath[^36..]);
        Assert.Equal(OpportunityStatus.Draft, (await factory.OpportunityAsync(id)).Status);

        var zh = await owner.GetDocumentAsync(previewPath);
        Assert.Equal("绥芬河木材加工园", zh.QuerySelector("article.preview h1")!.TextContent);
        Assert.Null(zh.QuerySelector("article.preview .note"));
        Assert.Equal("年加工能力", zh.QuerySelector("article.preview .prose strong")!.TextContent);
        Assert.Equal("nofollow noopener noreferrer", zh.QuerySelector("article.preview .prose a")!.GetAttribute("rel"));
        Assert.Equal("page", zh.QuerySelector(".preview-languages a[hreflang='zh-Hans']")!.GetAttribute("aria-current"));

        var ru = await owner.GetDocumentAsync(previewPath.Replace("/zh/", "/ru/", StringComparison.Ordinal));
        Assert.Equal("Лесопереработка в Суйфэньхэ", ru.QuerySelector("article.preview h1")!.TextContent);
        Assert.Null(ru.QuerySelector("article.preview .note"));
        Assert.Contains("Объём инвестиций", ru.QuerySelector("article.preview .facts")!.TextContent, StringComparison.Ordinal);

        // No English text: the original (Chinese) is shown with the note, exactly as on the public page.
        var en = await owner.GetDocumentAsync(previewPath.Replace("/zh/", "/en/", StringComparison.Ordinal));
        Assert.Equal("绥芬河木材加工园", en.QuerySelector("article.preview h1")!.TextContent);
        Assert.Equal("zh-Hans", en.QuerySelector("article.preview h1")!.GetAttribute("lang"));
        Assert.Contains("No English version yet", en.QuerySelector("article.preview .note")!.TextContent, StringComparison.Ordinal);

        // Still a draft, still invisible to the public.
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/en/opportunities/{await factory.SlugAsync(id)}")).StatusCode);
    }

    [Fact]
    public async Task Preview_is_only_for_the_owner_organization_and_admins()
    {
        var (_, ownerUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(ownerUser), "预览权限测试");
        var url = $"/en/my/opportunities/preview/{id}";
        var (outsider, outsiderUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(outsiderUser);
        var notFound = await outsider.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("预览权限测试", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (investor, _) = await factory.SignedInAsync(Roles.Investor);
        Assert.Equal(HttpStatusCode.NotFound, (await investor.GetAsync(url)).StatusCode);
        using var anonymous = factory.CreateBrowserlikeClient();
        Assert.StartsWith("/en/account/login", (await anonymous.GetAsync(url)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        Assert.Equal("预览权限测试", (await admin.GetDocumentAsync(url)).QuerySelector("article.preview h1")!.TextContent);
    }

    [Fact]
    public async Task A_refused_save_keeps_every_field_and_marks_the_form_unsaved_for_the_warning_script()
    {
        var (owner, ownerUser) = await factory.SignedInAsync(Roles.Official);
        await factory.NewOrganizationAsync(ownerUser);
        var page = await owner.GetDocumentAsync("/en/my/opportunities/edit");
        var form = page.QuerySelector("form.editor")!;
        Assert.Equal("false", form.GetAttribute("data-dirty"));
        Assert.False(string.IsNullOrEmpty(form.GetAttribute("data-unsaved-warning")));
        Assert.NotNull(page.QuerySelector("script[src^='/js/editor.js']"));

        var fields = PublishingTestKit.EditorFields("黑河跨境电商园", "Трансграничный e-commerce в Хэйхэ", "Склады у моста");
        fields["Form.Zh.Description"] = "**仓储面积** 5 万平方米\n- 保税\n- 冷链";
        fields["Form.En.Summary"] = "Bonded warehouses by the bridge";  // an English summary without a title: refused
        fields["Form.Tags"] = "跨境, e-commerce";
        fields["save"] = "1";
        var response = await owner.SubmitFormAsync("/en/my/opportunities/edit", page, "form.editor", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.NotNull(doc.QuerySelector("#Form_En_Title-error"));
        Assert.Equal("true", doc.QuerySelector("form.editor")!.GetAttribute("data-dirty"));
        Assert.Equal("黑河跨境电商园", doc.QuerySelector("#Form_Zh_Title")!.GetAttribute("value"));
        Assert.Equal("Трансграничный e-commerce в Хэйхэ", doc.QuerySelector("#Form_Ru_Title")!.GetAttribute("value"));
        Assert.Equal("Склады у моста", doc.QuerySelector("#Form_Ru_Summary")!.TextContent);
        Assert.Equal("**仓储面积** 5 万平方米\n- 保税\n- 冷链", doc.QuerySelector("#Form_Zh_Description")!.TextContent);
        Assert.Equal("Bonded warehouses by the bridge", doc.QuerySelector("#Form_En_Summary")!.TextContent);
        Assert.Equal("跨境, e-commerce", doc.QuerySelector("#Form_Tags")!.GetAttribute("value"));
        Assert.Equal("150 000 000", doc.QuerySelector("#Form_Amount")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_concurrency_conflict_says_so_and_keeps_every_field_typed()
    {
        var (first, firstUser) = await factory.SignedInAsync(Roles.Official);
        var (second, secondUser) = await factory.SignedInAsync(Roles.Official);
        var id = await factory.NewDraftAsync(await factory.NewOrganizationAsync(firstUser, secondUser));
        var url = $"/zh/my/opportunities/edit/{id}";
        var stale = await first.GetDocumentAsync(url);
        var other = PublishingTestKit.EditorFields("另一位官员先保存");
        other["save"] = "1";
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitFormAsync(url, await second.GetDocumentAsync(url), "form.editor", other)).StatusCode);

        var mine = PublishingTestKit.EditorFields("我的标题", "Мой заголовок", "Моё описание");
        mine["Form.Ru.Description"] = "Подробности: [сайт](https://example.com)";
        mine["submit"] = "1";
        var response = await first.SubmitFormAsync(url, stale, "form.editor", mine);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("其他人已修改", doc.QuerySelector(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("我的标题", doc.QuerySelector("#Form_Zh_Title")!.GetAttribute("value"));
        Assert.Equal("Мой заголовок", doc.QuerySelector("#Form_Ru_Title")!.GetAttribute("value"));
        Assert.Equal("Подробности: [сайт](https://example.com)", doc.QuerySelector("#Form_Ru_Description")!.TextContent);
        Assert.Equal("true", doc.QuerySelector("form.editor")!.GetAttribute("data-dirty"));
        var saved = await factory.OpportunityAsync(id);
        Assert.Equal(("另一位官员先保存", OpportunityStatus.Draft), (saved.Translations.Single().Title, saved.Status));
    }
}

public sealed class EditorPagesOnSqlite(SqlitePortalFactory factory) : EditorPagesTests<SqlitePortalFactory>(factory);
public sealed class EditorPagesOnPostgres(PostgresPortalFactory factory) : EditorPagesTests<PostgresPortalFactory>(factory);
