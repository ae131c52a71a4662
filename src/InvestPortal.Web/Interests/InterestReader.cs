using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Interests;

/// <summary>
/// Who may read which expressions of interest: the owner organization's officials (and admins) see
/// those on their listings; the interested organization's members see their own. Anything else is
/// answered as "not found", so ids cannot be probed.
/// </summary>
public sealed class InterestReader(PortalDbContext db, UserManager<PortalUser> users)
{
    private IQueryable<ExpressionOfInterest> WithDetails => db.ExpressionsOfInterest.AsNoTracking()
        .Include(e => e.Organization).Include(e => e.Opportunity!).ThenInclude(o => o.Translations).AsSplitQuery();

    /// <summary>The interests in one opportunity, newest first (the caller already checked the opportunity is the user's).</summary>
    public async Task<IReadOnlyList<ExpressionOfInterest>> ForOpportunityAsync(Guid opportunityId, CancellationToken ct = default) =>
        await WithDetails.Where(e => e.OpportunityId == opportunityId).OrderByDescending(e => e.CreatedAt).ToListAsync(ct);

    public Task<ExpressionOfInterest?> InOpportunityAsync(Guid opportunityId, Guid interestId, CancellationToken ct = default) =>
        WithDetails.FirstOrDefaultAsync(e => e.Id == interestId && e.OpportunityId == opportunityId, ct);

    /// <summary>The interests of every organization the user belongs to, plus any they sent themselves.</summary>
    public async Task<IReadOnlyList<ExpressionOfInterest>> OfUserAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = users.GetUserId(user);
        return await WithDetails.Where(e => e.UserId == userId || db.OrganizationMembers.Any(m => m.UserId == userId && m.OrganizationId == e.OrganizationId))
            .OrderByDescending(e => e.UpdatedAt).ToListAsync(ct);
    }

    public async Task<ExpressionOfInterest?> OwnAsync(ClaimsPrincipal user, Guid interestId, CancellationToken ct = default)
    {
        var userId = users.GetUserId(user);
        return await WithDetails.FirstOrDefaultAsync(e => e.Id == interestId
            && (e.UserId == userId || db.OrganizationMembers.Any(m => m.UserId == userId && m.OrganizationId == e.OrganizationId)), ct);
    }
}
