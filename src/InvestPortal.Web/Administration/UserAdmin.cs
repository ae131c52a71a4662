using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>
/// Admins manage accounts: roles, lockout and organization membership. Every change stages its audit entry on the
/// same DbContext the Identity stores save with, so the change and its entry are written together.
/// </summary>
public sealed class UserAdmin(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<UserListPage> SearchAsync(string? query, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            var upper = text.ToUpperInvariant();
            // NormalizedEmail is upper case on both providers; display names are matched as typed.
            q = q.Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || u.DisplayName.Contains(text));
        }
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var list = await q.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var roles = await RolesOfAsync(list.Select(u => u.Id).ToList(), ct);
        var now = clock.GetUtcNow();
        return new UserListPage(list.Select(u => new UserRow(u, roles.GetValueOrDefault(u.Id) ?? [], IsLocked(u, now))).ToList(), total, page, pageSize);
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        var roles = await RolesOfAsync([id], ct);
        return new UserRow(user, roles.GetValueOrDefault(id) ?? [], IsLocked(user, clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<Organization>> MembershipsAsync(string id, CancellationToken ct = default) =>
        await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == id).Select(m => m.Organization!).OrderBy(o => o.Name).ToListAsync(ct);

    private async Task<Dictionary<string, List<string>>> RolesOfAsync(List<string> ids, CancellationToken ct) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name }).ToListAsync(ct))
        .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).OrderBy(n => n).ToList());

    private static bool IsLocked(PortalUser u, DateTimeOffset now) => u.LockoutEnd is { } end && end > now;

    public async Task<UserChange> SetRoleAsync(string id, string role, bool add, Actor actor, CancellationToken ct = default)
    {
        var name = Roles.Normalize(role);
        if (name is null) return UserChange.UnknownRole;
        var user = await users.FindByIdAsync(id);
        if (user is null) return UserChange.NotFound;
        // Removing one's own Admin role could leave the portal without anyone able to undo it.
        if (!add && name == Roles.Admin && user.Id == actor.UserId) return UserChange.OwnAdminRole;
        if (await users.IsInRoleAsync(user, name) == add) return UserChange.NoChange;
        var entry = db.Audit(add ? "user.role-add" : "user.role-remove", "user", user.Id, actor.UserName,
            details: $"{user.Email}: {name}", userId: actor.UserId);
        var result = add ? await users.AddToRoleAsync(user, name) : await users.RemoveFromRoleAsync(user, name);
        if (!result.Succeeded) return Discard(entry);
        // A removed role ends every session of the user at its next stamp check (Account:SessionValidationInterval):
        // they sign in again without it. A granted role needs no sign-out: that same check rebuilds the session's roles.
        if (!add) await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }

    /// <summary>
    /// Locked by an admin (lockout without end), as opposed to locked for a while after failed sign-ins:
    /// only an admin lifts it, so a password reset must not.
    /// </summary>
    public static bool IsSuspended(PortalUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    public async Task<UserChange> SetLockedAsync(string id, bool locked, Actor actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return UserChange.NotFound;
        if (locked && user.Id == actor.UserId) return UserChange.OwnLock;
        var entry = db.Audit(locked ? "user.lock" : "user.unlock", "user", user.Id, actor.UserName, details: user.Email, userId: actor.UserId);
        if (locked)
        {
            await users.SetLockoutEnabledAsync(user, true);
            var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (!result.Succeeded) return Discard(entry);
            // Signs the user out everywhere at the next cookie validation.
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            if (!result.Succeeded) return Discard(entry);
            await users.ResetAccessFailedCountAsync(user);
        }
        return UserChange.Done;
    }

    public async Task<UserChange> SetMembershipAsync(string id, Guid organizationId, bool add, Actor actor, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return UserChange.NotFound;
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null) return UserChange.UnknownOrganization;
        var existing = await db.OrganizationMembers.FirstOrDefaultAsync(m => m.UserId == id && m.OrganizationId == organizationId, ct);
        if ((existing is not null) == add) return UserChange.NoChange;
        if (add) db.OrganizationMembers.Add(new OrganizationMember { UserId = id, OrganizationId = organizationId });
        else db.OrganizationMembers.Remove(existing!);
        db.Audit(add ? "user.organization-add" : "user.organization-remove", "user", id, actor.UserName,
            details: $"{org.Name} ({org.Id})", userId: actor.UserId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin made the same change at the same moment: the key refused the duplicate.
            db.ChangeTracker.Clear();
            return UserChange.NoChange;
        }
        return UserChange.Done;
    }

    private UserChange Discard(AuditEntry entry)
    {
        db.Entry(entry).State = EntityState.Detached;
        return UserChange.Failed;
    }
}
