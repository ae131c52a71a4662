using InvestPortal.Core.Domain;
using InvestPortal.Core.Moderation;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>
/// One item of the queue in full, for the review page: what changed since the version the public saw, as a field
/// table (labels and amounts in the reviewer's language) and a word diff of the texts.
/// </summary>
public sealed class ModerationReview(PortalDbContext db, PortalTaxonomy taxonomy)
{
    /// <summary>Null for an unknown id and for a draft: drafts stay private to their owners.</summary>
    public async Task<ReviewItem?> FindAsync(Guid id, string culture, CancellationToken ct = default)
    {
        var o = await db.Opportunities.AsNoTracking().Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || o.Status is OpportunityStatus.Draft) return null;
        var isWaiting = o.Status == OpportunityStatus.PendingReview || o.PendingRevisionJson is not null;
        var current = OpportunitySnapshot.Of(o);
        // An edit of a published listing: the proposal is the pending revision, the listing itself is what the public sees.
        var proposed = o.Status == OpportunityStatus.Published ? OpportunitySnapshot.TryFromJson(o.PendingRevisionJson) ?? current : current;
        var previous = OpportunitySnapshot.TryFromJson(o.PublishedSnapshotJson) ?? (o.Status == OpportunityStatus.Published ? current : null);
        if (ReferenceEquals(previous, proposed)) previous = null;
        return new ReviewItem(o, ModerationQueue.KindOf(o.Status), isWaiting, proposed, previous,
            BuildFields(previous, proposed, culture), previous is null ? [] : BuildTextDiffs(previous, proposed));
    }

    private List<ReviewFieldRow> BuildFields(OpportunitySnapshot? before, OpportunitySnapshot after, string culture)
    {
        string? Money(OpportunitySnapshot? s, decimal? v) => s is null || v is null ? null : Formatting.Money(v.Value, s.Currency, culture);
        string? Label(TaxonomyKind kind, string? code) => code is null ? null : taxonomy.LabelOf(kind, code, culture);
        string? Labels(TaxonomyKind kind, IEnumerable<string>? codes) => codes is null ? null : string.Join(" · ", codes.Select(c => Label(kind, c)));
        return
        [
            new("Opportunity.Sector", Label(TaxonomyKind.Sector, before?.SectorCode), Label(TaxonomyKind.Sector, after.SectorCode)),
            new("Opportunity.Location", Label(TaxonomyKind.Location, before?.LocationCode), Label(TaxonomyKind.Location, after.LocationCode)),
            new("Position.Label", Point(before), Point(after)),
            new("Opportunity.PartnerRegion", Label(TaxonomyKind.PartnerRegion, before?.PartnerRegionCode), Label(TaxonomyKind.PartnerRegion, after.PartnerRegionCode)),
            new("Opportunity.Investment", Money(before, before?.TotalAmount), Money(after, after.TotalAmount)),
            new("Moderation.Field.Currency", before?.Currency, after.Currency),
            new("Opportunity.MinTicket", Money(before, before?.MinTicket), Money(after, after.MinTicket)),
            new("Opportunity.Modes", Labels(TaxonomyKind.Mode, before?.CooperationModes), Labels(TaxonomyKind.Mode, after.CooperationModes)),
            new("Opportunity.Stage", Label(TaxonomyKind.Stage, before?.StageCode), Label(TaxonomyKind.Stage, after.StageCode)),
            new("Moderation.Field.Tags", before is null ? null : string.Join(", ", before.Tags), string.Join(", ", after.Tags)),
            new("Opportunity.Contact", before?.ContactEmail, after.ContactEmail),
        ];
    }

    private static List<ReviewTextDiffRow> BuildTextDiffs(OpportunitySnapshot before, OpportunitySnapshot after)
    {
        var rows = new List<ReviewTextDiffRow>();
        foreach (var culture in Cultures.All)
        {
            var (a, b) = (before.Text(culture), after.Text(culture));
            if (a is null && b is null) continue;
            foreach (var (key, x, y) in new[]
            {
                ("Moderation.Field.Title", a?.Title, b?.Title),
                ("Moderation.Field.Summary", a?.Summary, b?.Summary),
                ("Moderation.Field.Description", a?.Description, b?.Description),
            })
            {
                if (string.Equals(x ?? "", y ?? "", StringComparison.Ordinal)) continue;
                rows.Add(new ReviewTextDiffRow(culture, key, TextDiff.Compare(x, y)));
            }
        }
        return rows;
    }

    private static string? Point(OpportunitySnapshot? s) =>
        s is { Latitude: { } lat, Longitude: { } lon } ? new Core.Geography.GeoPoint(lat, lon).ToString() : null;
}
