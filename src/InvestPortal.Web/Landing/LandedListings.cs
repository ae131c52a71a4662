using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Landing;

/// <summary>
/// Closed listings whose investment landed stay public: their detail page (with a "landed" badge) and the
/// "landed projects" list. Every other closed listing stays invisible, as before.
/// </summary>
public sealed class LandedListings(PortalDbContext db)
{
    public const int MaxItems = 200;

    private IQueryable<Opportunity> Landed => db.Opportunities.AsNoTracking()
        .Where(o => o.Status == OpportunityStatus.Closed && (o.Outcome == ListingOutcomes.AgreementSigned
            || o.Outcome == ListingOutcomes.UnderConstruction || o.Outcome == ListingOutcomes.Operating));

    public static bool IsLanded(Opportunity o) => o.Status == OpportunityStatus.Closed && ListingOutcomes.IsLanded(o.Outcome);

    /// <summary>The most recently landed first.</summary>
    public async Task<IReadOnlyList<Opportunity>> ListAsync(CancellationToken ct = default) =>
        await Landed.Include(o => o.Translations).Include(o => o.Organization).AsSplitQuery()
            .OrderByDescending(o => o.ClosedAt).ThenBy(o => o.ExternalRef).Take(MaxItems).ToListAsync(ct);

    public Task<Opportunity?> BySlugAsync(string slug, CancellationToken ct = default) =>
        Landed.Include(o => o.Translations).Include(o => o.Organization).AsSplitQuery().FirstOrDefaultAsync(o => o.Slug == slug, ct);
}
