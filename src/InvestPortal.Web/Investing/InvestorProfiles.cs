using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Investing;

/// <summary>An investor's own profile: read, save (with its index update in the same unit of work), and who may see it.</summary>
public sealed class InvestorProfiles(PortalDbContext db, TimeProvider clock)
{
    public Task<InvestorProfile?> OwnAsync(string userId, CancellationToken ct = default) =>
        db.InvestorProfiles.Include(p => p.Translations).FirstOrDefaultAsync(p => p.UserId == userId, ct);

    /// <summary>
    /// Saves the form onto the user's profile (creating it the first time). The index request is queued
    /// in the same SaveChanges, so the search index (and the user's matches) follow the saved state,
    /// also when the profile turns hidden and must leave the index.
    /// </summary>
    public async Task<InvestorProfile> SaveAsync(string userId, string? userName, ProfileForm form, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var profile = await OwnAsync(userId, ct);
        var isNew = profile is null;
        if (profile is null)
        {
            var id = Guid.NewGuid();
            profile = new InvestorProfile
            {
                Id = id, UserId = userId, CreatedAt = now,
                // Profiles made on the portal get a reference of their own; imported ones keep the file's.
                ExternalRef = $"WEB-INV-{id.ToString("N")[..10].ToUpperInvariant()}",
            };
            db.InvestorProfiles.Add(profile);
        }
        form.ApplyTo(profile);
        profile.UpdatedAt = now;
        if (isNew || string.IsNullOrEmpty(profile.Slug))
            profile.Slug = Slugs.Make(profile.ExternalRef, profile.Translations.FirstOrDefault(t => t.Culture != Cultures.Zh)?.Name);
        db.Audit(isNew ? "investor-profile.create" : "investor-profile.edit", "investor-profile", profile.Id.ToString(), userName,
            to: profile.Visibility.ToString(), userId: userId);
        db.Enqueue(OutboxKinds.Index, new IndexRequest([], [profile.Id]), $"index:investor:{profile.Id:N}:{now.UtcTicks}");
        await db.SaveChangesAsync(ct);
        return profile;
    }

    /// <summary>
    /// Public profiles are for everyone; officials-only ones for officials and admins; a hidden one
    /// only for its owner (who sees their own profile whatever its visibility).
    /// </summary>
    public static bool CanSee(InvestorProfile p, ClaimsPrincipal viewer, string? viewerId) =>
        p.Visibility == ProfileVisibility.Public
        || (viewerId is not null && p.UserId == viewerId)
        || (p.Visibility == ProfileVisibility.OfficialsOnly && (viewer.IsInRole(Roles.Official) || viewer.IsInRole(Roles.Admin)));
}
