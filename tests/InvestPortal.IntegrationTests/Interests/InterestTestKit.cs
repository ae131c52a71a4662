using InvestPortal.Testing;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.IntegrationTests.Notifications;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.IntegrationTests.Interests;

/// <summary>The portal with Mail:Transport=Smtp pointed at a netDumbster server of its own.</summary>
public abstract class SmtpPortalFactory : PortalFactory
{
    public SimpleSmtpServer Smtp { get; }

    protected SmtpPortalFactory()
    {
        var port = NotificationHost.FreePort();
        Smtp = SimpleSmtpServer.Start(port);
        foreach (var (key, value) in NotificationHost.Smtp(port)) Settings[key] = value;
    }

    /// <summary>Sends what is due now and waits for the message to this address whose subject contains the text.</summary>
    public async Task<MimeMessage> ReceivedAsync(string to, string subjectPart)
    {
        for (var i = 0; i < 100; i++)
        {
            await Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
            var found = Smtp.Received().Select(NotificationHost.Parse)
                .Where(m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)).ToList();
            if (found.Count > 0) return Assert.Single(found);
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {to} with “{subjectPart}” in its subject; got: "
            + string.Join(" | ", Smtp.Received().Select(NotificationHost.Parse).Select(m => $"{m.To} {m.Subject}")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Stop();
        Smtp.Dispose();
    }
}

public sealed class SmtpSqlitePortalFactory : SmtpPortalFactory
{
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];
}

public sealed class SmtpPostgresPortalFactory : SmtpPortalFactory
{
    private readonly string _connectionString = InvestPortal.Testing.PostgresServer.CreateDatabase("interests");
    public override string Provider => "Postgres";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
        [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", _connectionString)];
}

/// <summary>People, organizations and published listings for the interest tests.</summary>
internal static class InterestTestKit
{
    public sealed record Party(HttpClient Client, PortalUser User);

    public static async Task<Party> UserAsync(this PortalFactory factory, string culture, params string[] roles)
    {
        var (client, user) = await factory.SignedInAsync(roles);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.FirstAsync(u => u.Id == user.Id)).PreferredCulture = culture;
            return await db.SaveChangesAsync();
        });
        user.PreferredCulture = culture;
        return new Party(client, user);
    }

    public static async Task<Guid> OrganizationAsync(this PortalFactory factory, bool verified, OrganizationKind kind, params PortalUser[] members) =>
        await factory.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var org = new Organization { Name = $"Амур Лес {suffix}", NameRu = $"ООО «Амур Лес» {suffix}", NameZh = $"阿穆尔林业 {suffix}", NameEn = $"Amur Forest {suffix}", Kind = kind, IsVerified = verified };
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            foreach (var m in members) db.OrganizationMembers.Add(new OrganizationMember { UserId = m.Id, OrganizationId = org.Id });
            await db.SaveChangesAsync();
            return org.Id;
        });

    public static async Task<Opportunity> PublishedAsync(this PortalFactory factory, Guid organizationId) =>
        await factory.WithDbAsync(async db =>
        {
            var o = new Opportunity
            {
                ExternalRef = "EOI-" + Guid.NewGuid().ToString("N")[..10], OrganizationId = organizationId, SectorCode = "forestry-timber",
                LocationCode = "231100", TotalAmount = 300_000_000, ContactEmail = "zone@example.org", Status = OpportunityStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow, OriginalCulture = Cultures.Zh,
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = "黑河木材加工园区" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Ru, Title = "Лесопромышленный парк в Хэйхэ" });
            db.Opportunities.Add(o);
            // Published as moderation would: the index hears of it, so waiting for the index still works.
            db.Enqueue(InvestPortal.Core.Outbox.OutboxKinds.Index, new InvestPortal.Core.Outbox.IndexRequest([o.Id], []), $"index:test:{o.Id:N}");
            await db.SaveChangesAsync();
            return o;
        });

    /// <summary>An owner (official, verified organization) with a published listing.</summary>
    public static async Task<(Party Owner, Opportunity Listing)> OwnerWithListingAsync(this PortalFactory factory, string culture = "zh")
    {
        var owner = await factory.UserAsync(culture, Roles.Official);
        var org = await factory.OrganizationAsync(true, OrganizationKind.DevelopmentZone, owner.User);
        return (owner, await factory.PublishedAsync(org));
    }

    public static Dictionary<string, string> Form(string email, string message = "Хотим поставлять оборудование для лесопилки.") => new()
    {
        ["Input.Role"] = "Supplier", ["Input.Amount"] = "20 000 000", ["Input.Currency"] = "RUB", ["Input.Message"] = message,
        ["Input.ContactPerson"] = "Иван Соколов", ["Input.ContactEmail"] = email, ["Input.ContactPhone"] = "+7 4162 22-33-44",
    };

    public static async Task<HttpResponseMessage> SubmitInterestAsync(this HttpClient client, string culture, string slug, Dictionary<string, string> form)
    {
        var url = $"/{culture}/opportunities/{slug}/interest";
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(url, page, "form.interest-form", form);
    }

    /// <summary>Posts one owner step from the detail page, as the page's form for that step would.</summary>
    public static async Task<HttpResponseMessage> StepAsync(this HttpClient client, string culture, Guid opportunityId, Guid interestId,
        string formSelector, Dictionary<string, string>? values = null)
    {
        var url = $"/{culture}/my/opportunities/{opportunityId}/interests/{interestId}";
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(url, page, formSelector, values ?? []);
    }

    public static Task<ExpressionOfInterest> InterestAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.ExpressionsOfInterest.AsNoTracking().FirstAsync(e => e.Id == id));

    public static async Task<List<EmailPayload>> QueuedAsync(this PortalFactory factory, string address, string template) =>
        (await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "email").ToListAsync()))
            .Select(m => m.ReadPayload<EmailPayload>()).Where(p => p.ToAddress == address && p.Template == template).ToList();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client) =>
        (await client.GetDocumentAsync("/en/my/notifications")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
