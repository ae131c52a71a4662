using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvestPortal.BrowserTests;

/// <summary>An official writes a listing in Chinese, adds Russian, previews it in each language and submits it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorJourneyTests(BrowserFixture fixture) : Journeys.Journey(fixture)
{
    private async Task<string> NewOfficialAsync()
    {
        var org = await DbAsync(async db =>
        {
            var o = new Organization { Name = "同江市商务局 " + Guid.NewGuid().ToString("N")[..4], NameRu = "Бюро коммерции Тунцзяна", Kind = OrganizationKind.DevelopmentZone, IsVerified = true };
            o.Slug = Slugs.ForOrganization(o);
            db.Organizations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        return await UserAsync("zh", Roles.Official, org, "王官员");
    }

    [Fact]
    public async Task Official_writes_in_Chinese_adds_Russian_previews_each_language_and_submits()
    {
        var email = await NewOfficialAsync();
        var page = await SignInAsync("zh", email);

        // 1. A new listing in Chinese; the editor passes axe.
        await page.GotoAsync("/zh/my/opportunities/edit");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#Form_Zh_Title").ClickAsync();
        await page.Keyboard.TypeAsync("同江铁路口岸粮食物流园");
        await page.FillAsync("#Form_Zh_Summary", "中俄铁路大桥旁的粮食仓储与转运项目");
        await page.FillAsync("#Form_Zh_Description", "**年转运能力** 200 万吨\n\n- 铁路专用线\n- 保税仓库");
        await page.SelectOptionAsync("#Form_Sector", "agri-food");
        await page.SelectOptionAsync("#Form_Location", "230100");
        await page.FillAsync("#Form_Amount", "300000000");
        await page.FillAsync("#Form_ContactEmail", "tongjiang@example.com");

        // Leaving with unsaved input asks first (editor.js); staying keeps everything.
        var asked = new TaskCompletionSource<string>();
        async void OnDialog(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        }
        page.Dialog += OnDialog;
        _ = page.Locator("main a", new() { HasText = "返回" }).First.ClickAsync();
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        page.Dialog -= OnDialog;
        Assert.Contains("/zh/my/opportunities/edit", page.Url, StringComparison.Ordinal);
        Assert.Equal("同江铁路口岸粮食物流园", await page.InputValueAsync("#Form_Zh_Title"));

        await page.Locator("button[name=save]").ClickAsync();
        await page.WaitForURLAsync("**/zh/my/opportunities");
        Assert.Contains("草稿已保存", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        // 2. Russian added, saved and previewed.
        var item = page.Locator(".owned-list li", new() { HasText = "同江铁路口岸粮食物流园" });
        await item.Locator("a", new() { HasText = "编辑" }).ClickAsync();
        await page.WaitForURLAsync("**/zh/my/opportunities/edit/**");
        await page.FillAsync("#Form_Ru_Title", "Зерновой логистический парк Тунцзян");
        await page.FillAsync("#Form_Ru_Summary", "Хранение и перевалка зерна у железнодорожного моста");
        await page.Locator("button[name=preview]").ClickAsync();
        await page.WaitForURLAsync("**/zh/my/opportunities/preview/**");
        Assert.Equal("同江铁路口岸粮食物流园", (await page.Locator("article.preview h1").InnerTextAsync()).Trim());
        Assert.Equal("年转运能力", await page.Locator("article.preview .prose strong").InnerTextAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.Locator(".preview-languages a[hreflang=ru]").ClickAsync();
        await page.WaitForURLAsync("**/ru/my/opportunities/preview/**");
        Assert.Equal("Зерновой логистический парк Тунцзян", (await page.Locator("article.preview h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("article.preview .note").CountAsync());

        await page.Locator(".preview-languages a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync("**/en/my/opportunities/preview/**");
        Assert.Equal("同江铁路口岸粮食物流园", (await page.Locator("article.preview h1").InnerTextAsync()).Trim());
        Assert.Contains("No English version yet", await page.Locator("article.preview .note").InnerTextAsync(), StringComparison.Ordinal);

        // 3. Back to the editor and submitted for review.
        await page.Locator(".preview-banner a", new() { HasText = "Back to editing" }).ClickAsync();
        await page.WaitForURLAsync("**/en/my/opportunities/edit/**");
        Assert.Equal("Зерновой логистический парк Тунцзян", await page.InputValueAsync("#Form_Ru_Title"));
        await page.Locator("button[name=submit]").ClickAsync();
        await page.WaitForURLAsync("**/en/my/opportunities");
        Assert.Contains("submitted for review", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var saved = await db.Opportunities.AsNoTracking().Include(o => o.Translations)
            .SingleAsync(o => o.Translations.Any(t => t.Title == "同江铁路口岸粮食物流园"));
        Assert.Equal(OpportunityStatus.PendingReview, saved.Status);
        Assert.Equal(["ru", "zh"], saved.Translations.Select(t => t.Culture).Order(StringComparer.Ordinal));
        Assert.Equal(300_000_000m, saved.TotalAmount);
        await page.Context.CloseAsync();
    }
}
