using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Landing;

/// <summary>
/// The portal without the demo catalogue, holding only a small hand-made funnel whose numbers the tests know by heart:
/// <code>
/// L1 Heihe (231100)        agri-food  published        i1 reply 2d, discussed · i2 reply 4d · i3 unanswered
/// L2 Wudalianchi (231182)  agri-food  closed, operating i4 reply 1d, discussed, agreed · i5 reply 6d
/// L3 Harbin (230100)       energy     published        i6 reply 3d · i7 unanswered
/// L4 Daqing (230600)       energy     published, DEMO  i8 reply 10d · i9 reply 12d, discussed · i10 reply 20d
/// L5 Jixi (230300)         energy     closed, withdrawn (no interests)
/// L6 Harbin                energy     draft, never published (not counted)
/// </code>
/// Wudalianchi is a county-level city of Heihe, so Heihe has 2 listings, 5 interests, 2 in discussion, 1 landed and a
/// median reply of 3 days (over 1, 2, 4, 6). Harbin (2 interests) and Jixi (none) are below the minimum of 3.
/// Every interest was registered on the 2nd of last month.
/// </summary>
public sealed class FunnelFixture<TFactory> : IAsyncLifetime where TFactory : PortalFactory, new()
{
    public TFactory Factory { get; } = new();
    public Guid OwnerOrganization { get; private set; }
    public DateTimeOffset Registered { get; private set; }
    public string Month => Registered.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Factory.Settings["Demo:Load"] = "false";
        Factory.Settings["ReplyTimes:Enabled"] = "false";
        Factory.Settings["Listings:ExpiryEnabled"] = "false";
        var now = DateTimeOffset.UtcNow;
        Registered = new DateTimeOffset(now.Year, now.Month, 2, 9, 0, 0, TimeSpan.Zero).AddMonths(-1);
        await Factory.WithDbAsync(async db =>
        {
            var owner = Organization(db, "黑河测试开发区", OrganizationKind.DevelopmentZone);
            var investor = Organization(db, "Амур Инвест", OrganizationKind.Investor);
            OwnerOrganization = owner.Id;
            var published = Registered.AddDays(-1);
            var l1 = Listing(db, owner, "L1", "231100", "agri-food", published);
            var l2 = Listing(db, owner, "L2", "231182", "agri-food", published, ListingOutcomes.Operating);
            var l3 = Listing(db, owner, "L3", "230100", "energy", published);
            var l4 = Listing(db, owner, "L4", "230600", "energy", published, demo: true);
            Listing(db, owner, "L5", "230300", "energy", published, ListingOutcomes.Withdrawn);
            var l6 = Listing(db, owner, "L6", "230100", "energy", null);
            Interest(db, l1, investor, 2, discussed: true);
            Interest(db, l1, investor, 4);
            Interest(db, l1, investor, null);
            Interest(db, l2, investor, 1, discussed: true, outcome: InterestOutcomes.Agreed);
            Interest(db, l2, investor, 6);
            Interest(db, l3, investor, 3);
            Interest(db, l3, investor, null);
            Interest(db, l4, investor, 10);
            Interest(db, l4, investor, 12, discussed: true);
            Interest(db, l4, investor, 20);
            // An interest on a listing that was never published (cannot happen through the site) must not count either.
            Interest(db, l6, investor, 1);
            return await db.SaveChangesAsync();
        });
    }

    private static Organization Organization(PortalDbContext db, string name, OrganizationKind kind)
    {
        var org = new Organization { Name = name + " " + Guid.NewGuid().ToString("N")[..6], Kind = kind, IsVerified = true };
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        return org;
    }

    private Opportunity Listing(PortalDbContext db, Organization owner, string name, string location, string sector,
        DateTimeOffset? published, string? outcome = null, bool demo = false)
    {
        var o = new Opportunity
        {
            ExternalRef = $"F-{name}-{Guid.NewGuid():N}"[..20], OrganizationId = owner.Id, SectorCode = sector, LocationCode = location,
            TotalAmount = 10_000_000, ContactEmail = "zone@example.org", OriginalCulture = Cultures.Zh, IsDemo = demo,
            Status = published is null ? OpportunityStatus.Draft : outcome is null ? OpportunityStatus.Published : OpportunityStatus.Closed,
            PublishedAt = published, Outcome = outcome, ClosedAt = outcome is null ? null : Registered.AddDays(3),
        };
        o.Slug = Slugs.Make(o.ExternalRef, null);
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = "漏斗测试项目 " + name });
        db.Opportunities.Add(o);
        return o;
    }

    private void Interest(PortalDbContext db, Opportunity o, Organization investor, int? replyDays, bool discussed = false, string? outcome = null)
    {
        DateTimeOffset? replied = replyDays is { } d ? Registered.AddDays(d) : null;
        db.ExpressionsOfInterest.Add(new ExpressionOfInterest
        {
            OpportunityId = o.Id, OrganizationId = investor.Id, Role = InterestRole.Investor, Message = "test", ContactPerson = "Test",
            CreatedAt = Registered, UpdatedAt = Registered, FirstReplyAt = replied, AcknowledgedAt = replied,
            DiscussionAt = discussed ? replied : null, Outcome = outcome,
            Status = outcome is not null ? InterestStatus.Closed : discussed ? InterestStatus.InDiscussion
                : replied is not null ? InterestStatus.Acknowledged : InterestStatus.Submitted,
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
