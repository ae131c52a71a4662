using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>Admins create, edit, verify and unverify organizations; the public organization page and the listing's link to it.</summary>
public abstract class OrganizationAdminTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static Dictionary<string, string> Fields(string zh, string ru, string en, string kind, string website, string country = "CN") => new()
    {
        ["Input.NameZh"] = zh, ["Input.NameRu"] = ru, ["Input.NameEn"] = en, ["Input.Kind"] = kind, ["Input.Website"] = website, ["Input.Country"] = country,
    };

    [Fact]
    public async Task Bad_input_is_refused_in_the_page_language_keeping_what_was_typed()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var form = await admin.GetDocumentAsync("/ru/admin/organizations/edit");
        Assert.Equal(["GovernmentAgency", "DevelopmentZone"], form.QuerySelectorAll("#Input_Kind option").Select(o => o.GetAttribute("value")));
        var response = await admin.SubmitFormAsync("/ru/admin/organizations/edit", form, "form.org-form",
            Fields("", "", "", "Enterprise", "javascript:alert(1)", "China"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("хотя бы на одном языке", page.QuerySelector("#Input_NameZh-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("госорган или зону развития", page.QuerySelector("#Input_Kind-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://", page.QuerySelector("#Input_Website-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("двухбуквенный", page.QuerySelector("#Input_Country-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("javascript:alert(1)", page.QuerySelector("#Input_Website")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Created_verified_then_unverified_audited_and_the_public_page_follows()
    {
        var (admin, adminUser) = await factory.SignedInAsync(Roles.Admin);
        var form = await admin.GetDocumentAsync("/en/admin/organizations/edit");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var response = await admin.SubmitFormAsync("/en/admin/organizations/edit", form, "form.org-form",
            Fields($"绥芬河综合保税区{suffix}", "Комплексная бондовая зона Суйфэньхэ", $"Suifenhe Bonded Zone {suffix}", "DevelopmentZone", "https://sfh.example.gov.cn/zone"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var org = await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.NameEn == $"Suifenhe Bonded Zone {suffix}"));
        Assert.Equal((OrganizationKind.DevelopmentZone, true, $"绥芬河综合保税区{suffix}", "CN"), (org.Kind, org.IsVerified, org.Name, org.Country));

        // An opportunity of this organization, published, links to the organization's page with the badge.
        var pending = await factory.NewPendingAsync(org.Id, "保税区项目");
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.FirstAsync(x => x.Id == pending);
            (o.Status, o.PublishedAt) = (OpportunityStatus.Published, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var visitor = factory.CreateBrowserlikeClient();
        var slug = (await factory.OpportunityAsync(pending)).Slug;
        var detail = await visitor.GetDocumentAsync($"/ru/opportunities/{slug}");
        var link = detail.QuerySelector("a.org-link")!;
        Assert.Equal($"/ru/organizations/{org.Slug}", link.GetAttribute("href"));
        Assert.Equal("Комплексная бондовая зона Суйфэньхэ", link.TextContent);
        Assert.NotNull(link.ParentElement!.QuerySelector(".badge-ok"));

        var orgPage = await visitor.GetDocumentAsync($"/zh/organizations/{org.Slug}");
        Assert.Equal($"绥芬河综合保税区{suffix}", orgPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("开发区", orgPage.QuerySelector(".organization header")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(orgPage.QuerySelector(".organization header .badge-ok"));
        var site = orgPage.QuerySelector("a[href='https://sfh.example.gov.cn/zone']")!;
        Assert.Contains("nofollow", site.GetAttribute("rel")!, StringComparison.Ordinal);
        Assert.Single(orgPage.QuerySelectorAll(".card-list .card"));
        Assert.Contains("保税区项目", orgPage.QuerySelector(".card-list")!.TextContent, StringComparison.Ordinal);

        // Unverify from the list: audited, and the public page now says "not verified".
        var list = await admin.GetDocumentAsync($"/en/admin/organizations?q={suffix}");
        response = await admin.SubmitFormAsync("/en/admin/organizations", list, $"tr[data-id='{org.Id}'] form.verify-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == org.Id).Select(o => o.IsVerified).SingleAsync()));
        var unverifiedList = await admin.GetDocumentAsync($"/en/admin/organizations?verified=no&kind=DevelopmentZone&q={suffix}");
        Assert.Single(unverifiedList.QuerySelectorAll($"tr[data-id='{org.Id}']"));
        Assert.Empty((await admin.GetDocumentAsync($"/en/admin/organizations?verified=yes&q={suffix}")).QuerySelectorAll("tbody tr"));
        orgPage = await visitor.GetDocumentAsync($"/en/organizations/{org.Slug}");
        Assert.Null(orgPage.QuerySelector(".organization header .badge-ok"));
        Assert.Contains("not verified", orgPage.QuerySelector(".organization header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not verified", (await visitor.GetDocumentAsync($"/en/opportunities/{slug}")).QuerySelector("a.org-link")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "organization" && a.EntityId == org.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.UserId }).ToListAsync());
        Assert.Equal(["organization.create", "organization.unverify"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(adminUser.Id, a.UserId));
    }

    [Fact]
    public async Task Editing_changes_the_names_and_an_unknown_organization_is_404()
    {
        var (admin, _) = await factory.SignedInAsync(Roles.Admin);
        var org = await factory.NewOrganizationAsync();
        var url = $"/en/admin/organizations/edit/{org}";
        var form = await admin.GetDocumentAsync(url);
        var response = await admin.SubmitFormAsync(url, form, "form.org-form", Fields("新名称开发区", "Новая зона", "", "DevelopmentZone", ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org));
        Assert.Equal(("新名称开发区", "Новая зона", (string?)null, (string?)null), (saved.NameZh, saved.NameRu, saved.NameEn, saved.Website));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/en/admin/organizations/edit/{Guid.NewGuid()}")).StatusCode);
        using var visitor = factory.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/en/organizations/no-such-organization")).StatusCode);
    }
}

public sealed class OrganizationAdminOnSqlite(SqlitePortalFactory factory) : OrganizationAdminTests<SqlitePortalFactory>(factory);
public sealed class OrganizationAdminOnPostgres(PostgresPortalFactory factory) : OrganizationAdminTests<PostgresPortalFactory>(factory);
