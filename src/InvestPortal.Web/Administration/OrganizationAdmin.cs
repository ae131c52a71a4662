using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record OrganizationFilter(bool? Verified = null, OrganizationKind? Kind = null, string? Query = null);

public sealed record OrganizationListPage(IReadOnlyList<Organization> Items, int Total, int Page, int PageSize);

/// <summary>The fields an admin edits; names are optional per language but at least one is needed.</summary>
public sealed class OrganizationInput
{
    public string? NameZh { get; set; }
    public string? NameRu { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.GovernmentAgency;
    public string? Website { get; set; }
    public string? Country { get; set; }

    public const int MaxName = 200;
    public const int MaxWebsite = 300;

    /// <summary>Problems as (field, resource key) pairs; empty when the input can be saved.</summary>
    public List<(string Field, string Key)> Validate(bool isNew)
    {
        var problems = new List<(string, string)>();
        NameZh = Clean(NameZh); NameRu = Clean(NameRu); NameEn = Clean(NameEn); Website = Clean(Website);
        Country = Clean(Country)?.ToUpperInvariant();
        if (NameZh is null && NameRu is null && NameEn is null) problems.Add((nameof(NameZh), "AdminOrgs.Error.NameRequired"));
        foreach (var (field, value) in new[] { (nameof(NameZh), NameZh), (nameof(NameRu), NameRu), (nameof(NameEn), NameEn) })
            if (value is { Length: > MaxName }) problems.Add((field, "AdminOrgs.Error.NameTooLong"));
        if (!Enum.IsDefined(Kind) || (isNew && Kind is not (OrganizationKind.GovernmentAgency or OrganizationKind.DevelopmentZone)))
            problems.Add((nameof(Kind), "AdminOrgs.Error.Kind"));
        if (Website is not null && (Website.Length > MaxWebsite || !Uri.TryCreate(Website, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
            problems.Add((nameof(Website), "AdminOrgs.Error.Website"));
        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
            problems.Add((nameof(Country), "AdminOrgs.Error.Country"));
        return problems;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static OrganizationInput From(Organization o) => new()
    {
        NameZh = o.NameZh, NameRu = o.NameRu, NameEn = o.NameEn, Kind = o.Kind, Website = o.Website, Country = o.Country,
    };
}

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
