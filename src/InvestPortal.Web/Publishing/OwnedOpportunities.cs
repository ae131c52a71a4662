using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Publishing;

/// <summary>
/// Which unpublished opportunities a user may see and edit: those of organizations they are an
/// official of, or all for admins. Anything else looks exactly like a listing that does not exist.
/// </summary>
public sealed class OwnedOpportunities(PortalDbContext db, UserManager<PortalUser> users)
{
    public static bool IsPublisher(ClaimsPrincipal user) => user.IsInRole(Roles.Official) || user.IsInRole(Roles.Admin);

    public async Task<IReadOnlyList<Organization>> OrganizationsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!IsPublisher(user)) return [];
        var userId = users.GetUserId(user);
        return await db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.Organization!)
            .OrderBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>The opportunities of the user's organizations, every status, most recently changed first.</summary>
    public async Task<IReadOnlyList<Opportunity>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!IsPublisher(user)) return [];
        var userId = users.GetUserId(user);
        return await db.Opportunities.AsNoTracking().Include(o => o.Translations).Include(o => o.Organization)
            .Where(o => db.OrganizationMembers.Any(m => m.UserId == userId && m.OrganizationId == o.OrganizationId))
            .OrderByDescending(o => o.UpdatedAt).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>A tracked opportunity the user may edit, or null (not found and not theirs are the same answer).</summary>
    public async Task<Opportunity?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!IsPublisher(user)) return null;
        var opportunity = await db.Opportunities.Include(o => o.Translations).Include(o => o.Organization)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        return opportunity is not null && await MayEditAsync(opportunity, user, ct) ? opportunity : null;
    }

    /// <summary>Admins, and officials of the organization that owns the opportunity.</summary>
    public Task<bool> MayEditAsync(Opportunity opportunity, ClaimsPrincipal user, CancellationToken ct = default) =>
        MayEditListingsOfAsync(opportunity.OrganizationId, user, ct);

    /// <summary>Admins, and officials of the organization.</summary>
    public async Task<bool> MayEditListingsOfAsync(Guid organizationId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(Roles.Admin)) return true;
        if (!user.IsInRole(Roles.Official)) return false;
        var userId = users.GetUserId(user);
        return await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, ct);
    }

    /// <summary>The officials of an organization who have an email address: who hears about its listings.</summary>
    public static IQueryable<PortalUser> OfficialsOf(PortalDbContext db, Guid organizationId) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Official && u.Email != null && u.Email != ""
               && db.OrganizationMembers.Any(m => m.UserId == u.Id && m.OrganizationId == organizationId)
         select u).Distinct().OrderBy(u => u.Id);
}
