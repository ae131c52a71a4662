using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data.Import;

/// <summary>Finds organizations by their registered name during an import, creating missing ones once.</summary>
internal sealed class OrganizationResolver(PortalDbContext db, DateTimeOffset now)
{
    private readonly Dictionary<string, Organization> _byName = new(StringComparer.Ordinal);

    public async Task<Organization> GetOrCreateAsync(string name, OrganizationKind kind, CancellationToken ct,
        string? nameZh = null, string? nameRu = null, string? nameEn = null, string? country = null)
    {
        if (_byName.TryGetValue(name, out var cached)) return cached;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (org is null)
        {
            org = new Organization
            {
                Name = name, Kind = kind, CreatedAt = now, NameZh = nameZh, NameRu = nameRu, NameEn = nameEn,
                Country = country ?? (kind is OrganizationKind.GovernmentAgency or OrganizationKind.DevelopmentZone ? "CN" : null),
                // Imports are run by admins from official project databases: those organizations are vouched for.
                IsVerified = kind is OrganizationKind.GovernmentAgency or OrganizationKind.DevelopmentZone,
            };
            org.Slug = Slugs.ForOrganization(org);
            db.Organizations.Add(org);
        }
        _byName[name] = org;
        return org;
    }
}
