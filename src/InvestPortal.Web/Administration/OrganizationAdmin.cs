using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>Admins create, edit and verify organizations; every change is audited in the same SaveChanges.</summary>
public sealed class OrganizationAdmin(PortalDbContext db)
{
    public const string AuditEntityType = "organization";

    public async Task<OrganizationListPage> ListAsync(OrganizationFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.Organizations.AsNoTracking();
        if (filter.Verified is { } v) q = q.Where(o => o.IsVerified == v);
        if (filter.Kind is { } k) q = q.Where(o => o.Kind == k);
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var t = filter.Query.Trim();
            q = q.Where(o => o.Name.Contains(t) || (o.NameZh != null && o.NameZh.Contains(t)) || (o.NameRu != null && o.NameRu.Contains(t))
                || (o.NameEn != null && o.NameEn.Contains(t)));
        }
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await q.OrderBy(o => o.IsVerified).ThenBy(o => o.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new OrganizationListPage(items, total, page, pageSize);
    }

    public Task<Organization?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<IReadOnlyList<Organization>> AllAsync(CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>Creates a government agency or development zone; admins create them verified.</summary>
    public async Task<Organization> CreateAsync(OrganizationInput input, Actor actor, CancellationToken ct = default)
    {
        var org = new Organization { Kind = input.Kind, IsVerified = true };
        Apply(org, input);
        org.Slug = Slugs.ForOrganization(org);
        db.Organizations.Add(org);
        db.Audit("organization.create", AuditEntityType, org.Id.ToString(), actor.UserName, details: Describe(org), userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        return org;
    }

    public async Task<bool> UpdateAsync(Guid id, OrganizationInput input, Actor actor, CancellationToken ct = default)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return false;
        var before = Describe(org);
        org.Kind = input.Kind;
        Apply(org, input);
        db.Audit("organization.edit", AuditEntityType, org.Id.ToString(), actor.UserName, details: $"{before} → {Describe(org)}", userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Verifies or unverifies; null when the organization does not exist, false when nothing changed.</summary>
    public async Task<bool?> SetVerifiedAsync(Guid id, bool verified, Actor actor, CancellationToken ct = default)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return null;
        if (org.IsVerified == verified) return false;
        org.IsVerified = verified;
        db.Audit(verified ? "organization.verify" : "organization.unverify", AuditEntityType, org.Id.ToString(), actor.UserName,
            details: org.Name, from: (!verified).ToString(), to: verified.ToString(), userId: actor.UserId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Apply(Organization org, OrganizationInput input)
    {
        (org.NameZh, org.NameRu, org.NameEn) = (input.NameZh, input.NameRu, input.NameEn);
        // The registered name is the original: Chinese for Heilongjiang bodies when there is one.
        org.Name = input.NameZh ?? input.NameRu ?? input.NameEn ?? org.Name;
        org.Website = input.Website;
        org.Country = input.Country;
    }

    private static string Describe(Organization o) => $"{o.Kind}; {o.NameZh} / {o.NameRu} / {o.NameEn}; {o.Website}";
}
