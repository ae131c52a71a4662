using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>
/// What waits for a moderator: opportunities in review and published ones with a pending revision, oldest first.
/// The queue is small (a few hundred at most), so the filtered keys are sorted in memory: "waiting since" comes from
/// a different column for each kind, which neither provider sorts by portably.
/// </summary>
public sealed class ModerationQueue(PortalDbContext db)
{
    public IQueryable<Opportunity> Waiting => db.Opportunities.Where(o =>
        o.Status == OpportunityStatus.PendingReview || (o.Status == OpportunityStatus.Published && o.PendingRevisionJson != null));

    public async Task<ModerationPage> ListAsync(ModerationFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Waiting;
        if (filter.Organization is { } org) query = query.Where(o => o.OrganizationId == org);
        if (!string.IsNullOrEmpty(filter.Sector)) query = query.Where(o => o.SectorCode == filter.Sector);
        if (Cultures.IsSupported(filter.Language)) query = query.Where(o => o.Translations.Any(t => t.Culture == filter.Language));
        var keys = await query.AsNoTracking()
            .Select(o => new { o.Id, o.Status, o.UpdatedAt, o.PendingRevisionAt, o.ExternalRef }).ToListAsync(ct);
        var sorted = keys.Select(k => (k.Id, k.ExternalRef, Kind: KindOf(k.Status),
                // Submitting stamps UpdatedAt: the order in which listings were sent to review.
                Since: k.Status == OpportunityStatus.Published ? k.PendingRevisionAt ?? k.UpdatedAt : k.UpdatedAt))
            .OrderBy(k => k.Since).ThenBy(k => k.ExternalRef, StringComparer.Ordinal).ToList();
        var newCount = sorted.Count(k => k.Kind == ModerationKind.New);
        var editCount = sorted.Count - newCount;
        if (filter.Kind is { } kind) sorted = sorted.Where(k => k.Kind == kind).ToList();
        var pageCount = Math.Max(1, (sorted.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var slice = sorted.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = slice.Select(k => k.Id).ToList();
        var entities = await db.Opportunities.AsNoTracking().Include(o => o.Translations).Include(o => o.Organization)
            .Where(o => ids.Contains(o.Id)).AsSplitQuery().ToDictionaryAsync(o => o.Id, ct);
        var items = slice.Where(k => entities.ContainsKey(k.Id)).Select(k => new ModerationItem(entities[k.Id], k.Kind, k.Since)).ToList();
        return new ModerationPage(items, sorted.Count, page, pageSize, newCount, editCount);
    }

    public static ModerationKind KindOf(OpportunityStatus status) => status == OpportunityStatus.Published ? ModerationKind.Edit : ModerationKind.New;

    /// <summary>The original language of a waiting listing (its reason templates are in it), or null when nothing waits under that id.</summary>
    public Task<string?> OriginalCultureAsync(Guid id, CancellationToken ct = default) =>
        Waiting.Where(o => o.Id == id).Select(o => o.OriginalCulture).FirstOrDefaultAsync(ct);

    /// <summary>Organizations that have something waiting, for the filter.</summary>
    public async Task<IReadOnlyList<Organization>> OrganizationsAsync(CancellationToken ct = default)
    {
        var ids = await Waiting.Select(o => o.OrganizationId).Distinct().ToListAsync(ct);
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }
}
