using System.Net;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Interests;

public abstract class EnterpriseRegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private static Dictionary<string, string> Fields(string email, string role = Roles.Enterprise) => new()
    {
        ["Input.Role"] = role, ["Input.DisplayName"] = "Ван Лэй", ["Input.Email"] = email,
        ["Input.Password"] = "suifenhe-2026-x", ["Input.ConfirmPassword"] = "suifenhe-2026-x",
        ["Input.OrgNameZh"] = "", ["Input.OrgNameRu"] = "", ["Input.OrgNameEn"] = "", ["Input.Country"] = "",
        ["Input.RegistrationNumber"] = "", ["Input.Website"] = "",
    };

    private async Task<HttpResponseMessage> RegisterAsync(string culture, Dictionary<string, string> fields)
    {
        using var client = factory.CreateBrowserlikeClient();
        var url = $"/{culture}/account/register";
        return await client.SubmitFormAsync(url, await client.GetDocumentAsync(url), "main form", fields);
    }

    [Fact]
    public async Task An_enterprise_must_name_its_organization_and_country_and_give_a_web_address_not_a_script()
    {
        var email = $"ent-{Guid.NewGuid():N}@example.com";
        var fields = Fields(email);
        fields["Input.Website"] = "javascript:alert(1)";
        fields["Input.RegistrationNumber"] = "91230100<script>";
        var doc = await (await RegisterAsync("ru", fields)).ParseAsync();
        Assert.Contains("хотя бы на одном языке", doc.QuerySelector("#Input_OrgNameZh-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Выберите страну", doc.QuerySelector("#Input_Country-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("http://", doc.QuerySelector("#Input_Website-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#Input_RegistrationNumber-error"));
        Assert.Equal("javascript:alert(1)", doc.QuerySelector("#Input_Website")!.GetAttribute("value"));
        Assert.Equal("Ван Лэй", doc.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        fields = Fields(email);
        fields["Input.Country"] = "XX";
        fields["Input.OrgNameEn"] = "Suifenhe Logistics";
        doc = await (await RegisterAsync("zh", fields)).ParseAsync();
        Assert.NotNull(doc.QuerySelector("#Input_Country-error"));
        Assert.Null(doc.QuerySelector("#Input_OrgNameZh-error"));
        Assert.Equal("Suifenhe Logistics", doc.QuerySelector("#Input_OrgNameEn")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_valid_enterprise_registration_keeps_every_detail_on_an_unverified_organization()
    {
        var email = $"ent-{Guid.NewGuid():N}@example.com";
        var fields = Fields(email);
        fields["Input.OrgNameZh"] = "绥芬河物流有限公司";
        fields["Input.OrgNameEn"] = "Suifenhe Logistics Co.";
        fields["Input.Country"] = "CN";
        fields["Input.RegistrationNumber"] = "91231081MA1B2C3D4E";
        fields["Input.Website"] = "https://sfh-logistics.example.cn";
        var response = await RegisterAsync("en", fields);
        Assert.NotNull((await response.ParseAsync()).QuerySelector("[role=status]"));
        var org = await factory.WithDbAsync(db => db.OrganizationMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email))
            .Select(m => m.Organization!).SingleAsync());
        Assert.Equal(("Suifenhe Logistics Co.", "绥芬河物流有限公司", null, "CN"), (org.Name, org.NameZh, org.NameRu, org.Country));
        Assert.Equal(("91231081MA1B2C3D4E", "https://sfh-logistics.example.cn", false, OrganizationKind.Enterprise),
            (org.RegistrationNumber, org.Website, org.IsVerified, org.Kind));
    }

    [Fact]
    public async Task The_country_list_is_in_the_page_language_and_an_investor_may_skip_the_organization()
    {
        using var client = factory.CreateBrowserlikeClient();
        var zh = await client.GetDocumentAsync("/zh/account/register");
        Assert.Equal("中国", zh.QuerySelector("#Input_Country option[value=CN]")!.TextContent.Trim());
        var ru = await client.GetDocumentAsync("/ru/account/register");
        Assert.Equal("Казахстан", ru.QuerySelector("#Input_Country option[value=KZ]")!.TextContent.Trim());

        var email = $"inv-{Guid.NewGuid():N}@example.com";
        Assert.NotNull((await (await RegisterAsync("ru", Fields(email, Roles.Investor))).ParseAsync()).QuerySelector("[role=status]"));
        Assert.False(await factory.WithDbAsync(db => db.OrganizationMembers.AnyAsync(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email))));
    }
}

public sealed class EnterpriseRegistrationOnSqlite(SqlitePortalFactory factory) : EnterpriseRegistrationTests<SqlitePortalFactory>(factory);
public sealed class EnterpriseRegistrationOnPostgres(PostgresPortalFactory factory) : EnterpriseRegistrationTests<PostgresPortalFactory>(factory);
