using AngleSharp.Dom;
using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Investing;

/// <summary>Forms with repeated fields (checkbox lists), the outbox run to the end, and listings to publish, for the investor tests.</summary>
internal static class InvestingTestKit
{
    /// <summary>Posts a page's form like a browser: its hidden fields plus the given pairs (a name may repeat).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IDocument page, string formSelector,
        IEnumerable<KeyValuePair<string, string>> values, string? fallbackUrl = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var given = values.ToList();
        var names = given.Select(v => v.Key).ToHashSet();
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is { } n && !names.Contains(n))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(given).ToList();
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? fallbackUrl ?? page.Url : action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts to any address with the antiforgery token of one of the page's forms (a request crafted by a signed-in user).</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, IDocument page, string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(url, new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>A complete, valid profile form; tests change what they need.</summary>
    public static List<KeyValuePair<string, string>> ProfileFields(string ruName, string[]? sectors = null, string min = "10 000 000",
        string max = "200 000 000", string visibility = "Public", string? contactEmail = "invest@amur-les.example.ru")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.OriginalCulture", "ru"), new("Form.Ru.Name", ruName), new("Form.Ru.Description", "Инвестируем в деревообработку и логистику на границе."),
            new("Form.Zh.Name", ""), new("Form.Zh.Description", ""), new("Form.En.Name", ""), new("Form.En.Description", ""),
            new("Form.Kind", "corporate"), new("Form.Country", "RU"), new("Form.HomeRegion", "RU-AMU"), new("Form.HomeRegionOther", ""),
            new("Form.Languages", "ru"), new("Form.Languages", "zh"),
            new("Form.Locations", "231100"), new("Form.Modes", "joint-venture"),
            new("Form.TicketMin", min), new("Form.TicketMax", max), new("Form.TicketCurrency", "CNY"),
            new("Form.ContactEmail", contactEmail ?? ""), new("Form.Visibility", visibility),
        };
        foreach (var s in sectors ?? ["forestry-timber"]) fields.Add(new("Form.Sectors", s));
        return fields;
    }

    public static async Task<HttpResponseMessage> SaveProfileAsync(this HttpClient client, string culture, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var url = $"/{culture}/my/profile";
        var page = await client.GetDocumentAsync(url);
        return await client.PostFormAsync(page, "form.profile-form", fields, url);
    }

    /// <summary>Runs the outbox (index, saved-search, alerts, email) until nothing is pending.</summary>
    public static async Task DrainOutboxAsync(this PortalFactory factory, TimeSpan? timeout = null)
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending)))
        {
            if (DateTime.UtcNow > until)
            {
                var stuck = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.Kind + ": " + m.LastError).ToListAsync());
                throw new TimeoutException("The outbox still has pending messages: " + string.Join("; ", stuck));
            }
            if (await dispatcher.DispatchDueAsync() == 0) await Task.Delay(100);
        }
    }

    /// <summary>A listing written in Chinese only, waiting for review in a new organization.</summary>
    public static async Task<Guid> PendingChineseListingAsync(this PortalFactory factory, string zhTitle, string zhSummary, string sector = "forestry-timber") =>
        await factory.WithDbAsync(async db =>
        {
            var org = new Organization { Name = "黑河市测试局 " + Guid.NewGuid().ToString("N")[..6], Kind = OrganizationKind.GovernmentAgency, IsVerified = true };
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
            var o = new Opportunity
            {
                ExternalRef = "IT-" + Guid.NewGuid().ToString("N")[..12], OrganizationId = org.Id, SectorCode = sector, LocationCode = "231100",
                TotalAmount = 120_000_000, ContactEmail = "heihe@example.com", OriginalCulture = Cultures.Zh, Status = OpportunityStatus.PendingReview,
                CooperationModes = ["joint-venture"],
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = zhTitle, Summary = zhSummary });
            db.Opportunities.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    /// <summary>Approves through the moderation page, as an admin would.</summary>
    public static async Task<HttpResponseMessage> ApproveAsync(this HttpClient admin, Guid id)
    {
        var queue = await admin.GetDocumentAsync("/en/admin/moderation");
        return await admin.SubmitFormAsync("/en/admin/moderation", queue, $"li[data-id='{id}'] form.approve-form", new Dictionary<string, string>());
    }

    public static Task SetStatusAsync(this PortalFactory factory, Guid id, OpportunityStatus status) =>
        factory.WithDbAsync(db => db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status)));
}

/// <summary>A clock the tests move: the digest is due by the calendar, not by how long a test waits.</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
