using InvestPortal.Testing;
using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using InvestPortal.IntegrationTests.Notifications;
using InvestPortal.IntegrationTests.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace InvestPortal.IntegrationTests.Insight;

/// <summary>
/// The whole portal on one database with a real SMTP server (netDumbster) behind its outbox, views
/// flushed every 200 ms, and the background expiry check off: the tests run passes themselves with
/// a clock they move.
/// </summary>
public sealed class InsightFixture<TFactory> : IAsyncLifetime where TFactory : PortalFactory, new()
{
    public const string BaseUrl = "https://invest.example.org";
    public TFactory Factory { get; } = new();
    public SimpleSmtpServer Smtp { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var port = NotificationHost.FreePort();
        Smtp = SimpleSmtpServer.Start(port);
        Factory.Settings["Mail:Transport"] = "Smtp";
        Factory.Settings["Mail:Smtp:Host"] = "127.0.0.1";
        Factory.Settings["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Mail:BaseUrl"] = BaseUrl;
        Factory.Settings["Outbox:PollInterval"] = "00:00:00.200";
        Factory.Settings["Insight:ViewFlushInterval"] = "00:00:00.200";
        Factory.Settings["Listings:ExpiryEnabled"] = "false";
        _ = Factory.Services; // start now, with these settings
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Smtp.Stop();
        Smtp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The messages the SMTP server received for an address whose subject contains a marker, after waiting for at least <paramref name="atLeast"/>.</summary>
    public async Task<List<MimeMessage>> ReceivedAsync(string to, string subjectContains, int atLeast = 1, TimeSpan? wait = null)
    {
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = Smtp.Received().Select(NotificationHost.Parse)
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                    && (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal)).ToList();
            if (found.Count >= atLeast || DateTime.UtcNow > until) return found;
            await Task.Delay(100);
        }
    }

    /// <summary>An organization with these members and a published listing in Heihe's timber sector, which the demo investors match.</summary>
    public async Task<Opportunity> PublishedListingAsync(Guid organizationId, string marker, DateTimeOffset? publishedAt = null)
    {
        var id = await Factory.NewDraftAsync(organizationId, $"黑河木材加工园 {marker}");
        return await Factory.WithDbAsync(async db =>
        {
            var o = await db.Opportunities.Include(x => x.Translations).FirstAsync(x => x.Id == id);
            o.Status = OpportunityStatus.Published;
            o.PublishedAt = publishedAt ?? DateTimeOffset.UtcNow;
            o.SectorCode = "forestry-timber";
            o.LocationCode = "231100";
            o.PartnerRegionCode = "RU-AMU";
            o.CooperationModes = ["joint-venture", "trade"];
            o.TotalAmount = 80_000_000;
            o.Translations.Add(new OpportunityTranslation { OpportunityId = id, Culture = Cultures.Ru, Title = $"Лесопромышленный парк Хэйхэ {marker}" });
            await db.SaveChangesAsync();
            return o;
        });
    }

    public async Task SetCultureAsync(PortalUser user, string culture) => await Factory.WithDbAsync(async db =>
    {
        (await db.Users.FirstAsync(u => u.Id == user.Id)).PreferredCulture = culture;
        return await db.SaveChangesAsync();
    });

    public Task<(HttpClient Client, PortalUser User)> OfficialAsync() => Factory.SignedInAsync(Roles.Official);
}

/// <summary>A clock the tests move: only the expiry pass under test reads it, the rest of the portal keeps real time.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
