using InvestPortal.Core.Publishing;
using System.Text;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Moderation;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Administration;

/// <summary>Listings waiting for review, form posts with repeated fields, and CSV reading for the admin tests.</summary>
internal static class AdminTestKit
{
    /// <summary>A listing sent to review: texts in the given cultures (the first is the original), submitted at <paramref name="submittedAt"/>.</summary>
    public static async Task<Guid> NewPendingAsync(this PortalFactory factory, Guid organizationId, string title, string sector = "energy",
        DateTimeOffset? submittedAt = null, params string[] cultures)
    {
        cultures = cultures.Length == 0 ? [Cultures.Zh] : cultures;
        return await factory.WithDbAsync(async db =>
        {
            var o = new Opportunity
            {
                ExternalRef = "M-" + Guid.NewGuid().ToString("N")[..12], OrganizationId = organizationId, SectorCode = sector,
                LocationCode = "230100", TotalAmount = 200_000_000, ContactEmail = "zone@example.com", OriginalCulture = cultures[0],
                Status = OpportunityStatus.PendingReview, UpdatedAt = submittedAt ?? DateTimeOffset.UtcNow,
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            foreach (var c in cultures)
                o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = c, Title = $"{title} ({c})", Summary = $"{title} summary {c}" });
            db.Opportunities.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
    }

    /// <summary>A published listing whose owner proposed an edit: the snapshot is what the public saw, the revision the change.</summary>
    public static async Task<Guid> NewPublishedWithRevisionAsync(this PortalFactory factory, Guid organizationId, string title, string revisedSummary,
        decimal revisedAmount)
    {
        return await factory.WithDbAsync(async db =>
        {
            var o = new Opportunity
            {
                ExternalRef = "E-" + Guid.NewGuid().ToString("N")[..12], OrganizationId = organizationId, SectorCode = "logistics",
                LocationCode = "230100", TotalAmount = 100_000_000, ContactEmail = "zone@example.com", OriginalCulture = Cultures.Zh,
                Status = OpportunityStatus.Published, PublishedAt = DateTimeOffset.UtcNow.AddDays(-30),
            };
            o.Slug = Slugs.Make(o.ExternalRef, null);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = title, Summary = "冷链物流园区一期" });
            o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.En, Title = "Cold chain park", Summary = "Phase one of the cold chain park" });
            var published = OpportunitySnapshot.Of(o);
            o.PublishedSnapshotJson = published.ToJson();
            var texts = published.Texts.Select(t => t.Culture switch
            {
                Cultures.Zh => t with { Summary = revisedSummary },
                Cultures.En => t with { Summary = "Phase two of the cold chain park" },
                _ => t,
            }).ToList();
            o.PendingRevisionJson = (published with { Texts = texts, TotalAmount = revisedAmount }).ToJson();
            o.PendingRevisionAt = DateTimeOffset.UtcNow;
            db.Opportunities.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
    }

    public static Task<OpportunityStatus> StatusAsync(this PortalFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    /// <summary>
    /// Posts fields (keys may repeat, as checkboxes do) with the antiforgery token of <paramref name="tokenPage"/>,
    /// when that page has one (anonymous visitors get none).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string tokenPage = "/en/")
    {
        var page = await client.GetAsync(tokenPage);
        var doc = await page.ParseAsync();
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var all = fields.ToList();
        if (token is not null) all.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string url, params (string Key, string Value)[] fields) =>
        client.PostFieldsAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The CSV body decoded after checking it starts with the UTF-8 byte-order mark.</summary>
    public static async Task<string> CsvBodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "The CSV must start with a UTF-8 BOM.");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
