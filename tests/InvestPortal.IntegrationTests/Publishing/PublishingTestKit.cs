using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Publishing;

/// <summary>Organizations, members, drafts and the emails queued for them, for the publishing tests.</summary>
internal static class PublishingTestKit
{
    public static async Task<Guid> NewOrganizationAsync(this PortalFactory factory, params PortalUser[] members) =>
        await factory.WithDbAsync(async db =>
        {
            var org = new Organization { Name = "测试开发区 " + Guid.NewGuid().ToString("N")[..6], NameRu = "Тестовая зона", Kind = OrganizationKind.DevelopmentZone, IsVerified = true };
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            foreach (var m in members) db.OrganizationMembers.Add(new OrganizationMember { UserId = m.Id, OrganizationId = org.Id });
            await db.SaveChangesAsync();
            return org.Id;
        });

    public static async Task<Guid> NewDraftAsync(this PortalFactory factory, Guid organizationId, string title = "测试草稿项目") =>
        await factory.WithDbAsync(async db =>
        {
            var o = new Opportunity
            {
                ExternalRef = "T-" + Guid.NewGuid().ToString("N")[..12], OrganizationId = organizationId, SectorCode = "energy",
                LocationCode = "230100", TotalAmount = 1000, ContactEmail = "owner@example.com",
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = title });
            db.Opportunities.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    public static Task<Opportunity> OpportunityAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Opportunities.AsNoTracking().Include(o => o.Translations).FirstAsync(o => o.Id == id));

    public static async Task<List<EmailPayload>> EmailsToAsync(this PortalFactory factory, string address, string template) =>
        (await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "email").ToListAsync()))
            .Select(m => m.ReadPayload<EmailPayload>()).Where(p => p.ToAddress == address && p.Template == template).ToList();

    public static Task<List<AuditEntry>> AuditAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "opportunity" && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync());

    /// <summary>Every field of the editor, as a browser would post it.</summary>
    public static Dictionary<string, string> EditorFields(string zhTitle, string? ruTitle = null, string? ruSummary = null) => new()
    {
        ["Form.OriginalCulture"] = "zh", ["Form.Sector"] = "agri-food", ["Form.Location"] = "230100",
        ["Form.PartnerRegion"] = "", ["Form.Stage"] = "", ["Form.Amount"] = "150 000 000",
        ["Form.Currency"] = "CNY", ["Form.MinTicket"] = "", ["Form.Tags"] = "冷链, логистика", ["Form.ContactEmail"] = "zone@example.com",
        ["Form.Zh.Title"] = zhTitle, ["Form.Zh.Summary"] = "冷链物流园区项目", ["Form.Zh.Description"] = "",
        ["Form.Ru.Title"] = ruTitle ?? "", ["Form.Ru.Summary"] = ruSummary ?? "", ["Form.Ru.Description"] = "",
        ["Form.En.Title"] = "", ["Form.En.Summary"] = "", ["Form.En.Description"] = "",
    };
}
