using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.BrowserTests;

/// <summary>An enterprise registers interest in a published listing in Chinese; the owner's official acknowledges it in Russian; both see the status.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InterestJourneyTests(BrowserFixture fixture) : Journeys.Journey(fixture)
{
    /// <summary>An official of the given organization, or an enterprise user with an organization of its own.</summary>
    private async Task<string> UserAsync(string culture, string role, Guid? organizationId, bool verifiedOwnOrganization = false)
    {
        organizationId ??= await DbAsync(async db =>
        {
            var org = new Organization { Name = "绥芬河物流有限公司", NameZh = "绥芬河物流有限公司", Kind = OrganizationKind.Enterprise, IsVerified = verifiedOwnOrganization, Country = "CN" };
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        return await UserAsync(culture, role, organizationId, role == Roles.Official ? "Олег Ким" : "王磊");
    }

    [Fact]
    public async Task Enterprise_registers_interest_official_acknowledges_both_see_the_status()
    {
        // A listing of its own: every demo listing carries demo interests, and this journey reads the first row of the owner's table.
        var tag = Guid.NewGuid().ToString("N")[..5];
        var agency = await AgencyAsync($"绥芬河市商务局 {tag}", $"Бюро коммерции Суйфэньхэ {tag}", $"Suifenhe Commerce Bureau {tag}");
        var listing = await DbAsync(async db =>
        {
            var o = new Opportunity
            {
                ExternalRef = $"EOI-{tag}", OrganizationId = agency, SectorCode = "logistics", LocationCode = "231081", TotalAmount = 150_000_000,
                ContactEmail = "suifenhe@example.org", Status = OpportunityStatus.Published, PublishedAt = DateTimeOffset.UtcNow.AddDays(-3),
                OriginalCulture = Cultures.Zh,
            };
            o.Slug = Slugs.Make(o.ExternalRef, $"Suifenhe bonded logistics park {tag}");
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = $"绥芬河保税物流园 {tag}" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Ru, Title = $"Бондовый логистический парк Суйфэньхэ {tag}" });
            db.Opportunities.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        var enterpriseEmail = await UserAsync("zh", Roles.Enterprise, null);
        var officialEmail = await UserAsync("ru", Roles.Official, listing.OrganizationId);

        // The enterprise, in Chinese: from the listing to the form, with an error first, then sent.
        var enterprise = await SignInAsync("zh", enterpriseEmail);
        await enterprise.GotoAsync($"/zh/opportunities/{listing.Slug}");
        await enterprise.Locator("a.register-interest").ClickAsync();
        await enterprise.WaitForURLAsync($"**/zh/opportunities/{listing.Slug}/interest");
        await Axe.AssertNoSeriousViolationsAsync(enterprise);
        await enterprise.FillAsync("#Input_Amount", "两千万");
        await enterprise.Locator("form.interest-form button[type=submit]").ClickAsync();
        await enterprise.WaitForSelectorAsync(".error-summary");
        Assert.Equal("两千万", await enterprise.InputValueAsync("#Input_Amount"));
        await Axe.AssertNoSeriousViolationsAsync(enterprise);
        await enterprise.Locator("input[name='Input.Role'][value=Operator]").CheckAsync();
        await enterprise.FillAsync("#Input_Amount", "20 000 000");
        await enterprise.SelectOptionAsync("#Input_Currency", "CNY");
        await enterprise.FillAsync("#Input_Message", "我们运营过两个保税物流园区，希望参与运营。");
        await enterprise.FillAsync("#Input_ContactPhone", "+86 453 1234567");
        await enterprise.Locator("form.interest-form button[type=submit]").ClickAsync();
        await enterprise.WaitForURLAsync("**/zh/my/interests**");
        Assert.Contains("已提交", await enterprise.Locator(".interest-list .interest-status").First.InnerTextAsync(), StringComparison.Ordinal);

        // The official, in Russian: sees it unverified, without contacts; acknowledges; the contacts appear.
        var official = await SignInAsync("ru", officialEmail);
        await official.GotoAsync("/ru/my/opportunities");
        await official.Locator($"li[data-id='{listing.Id}'] a.interests-link").ClickAsync();
        await official.WaitForURLAsync($"**/ru/my/opportunities/{listing.Id}/interests");
        Assert.Contains("не проверена", await official.Locator(".interest-table .unverified").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.Locator(".interest-table tbody a").First.ClickAsync();
        await official.WaitForSelectorAsync(".contact-hidden");
        await Axe.AssertNoSeriousViolationsAsync(official);
        await official.FillAsync("form.step-acknowledged textarea", "Спасибо! Свяжемся с вами на этой неделе.");
        await official.Locator("form.step-acknowledged button[type=submit]").ClickAsync();
        await official.WaitForSelectorAsync(".contact-details");
        Assert.Contains("получение подтверждено", await official.Locator(".interest-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("+86 453 1234567", await official.Locator(".contact-details").InnerTextAsync(), StringComparison.Ordinal);

        // Back to the enterprise: the new status and the reply.
        await enterprise.ReloadAsync();
        Assert.Contains("已确认", await enterprise.Locator(".interest-list .interest-status").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Свяжемся", await enterprise.Locator(".interest-list .owner-reply").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(enterprise);
        await enterprise.Context.CloseAsync();
        await official.Context.CloseAsync();
    }
}
