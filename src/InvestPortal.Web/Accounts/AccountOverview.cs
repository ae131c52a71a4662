using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Accounts;

/// <summary>What the signed-in user's start page shows besides the account itself.</summary>
public sealed class AccountOverview(PortalDbContext db)
{
    /// <summary>The organizations the user is a member of.</summary>
    public async Task<IReadOnlyList<Organization>> OrganizationsAsync(string userId, CancellationToken ct = default) =>
        await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Organization!).ToListAsync(ct);
}
