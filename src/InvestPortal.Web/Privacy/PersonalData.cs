using System.Text.Json;
using System.Text.Json.Serialization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Privacy;

/// <summary>
/// A user's right to see and to erase what the portal keeps about them. Export gathers every row
/// tied to the account; deletion removes the personal rows and anonymizes the expressions of
/// interest, which the owner organization keeps as a business record.
/// </summary>
public sealed class PersonalData(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public async Task<byte[]> ExportAsync(PortalUser user, CancellationToken ct = default)
    {
        var id = user.Id;
        var organizationIds = await db.OrganizationMembers.Where(m => m.UserId == id).Select(m => m.OrganizationId).ToListAsync(ct);
        var profiles = await db.InvestorProfiles.AsNoTracking().Include(p => p.Translations).Where(p => p.UserId == id).ToListAsync(ct);
        var savedSearches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == id).ToListAsync(ct);
        var data = new
        {
            exportedAt = clock.GetUtcNow(),
            account = new { user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.PreferredCulture, user.PhoneNumber, user.CreatedAt },
            roles = await users.GetRolesAsync(user),
            organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.NameZh, o.NameRu, o.NameEn, o.Kind, o.Country, o.RegistrationNumber, o.Website, o.IsVerified })
                .ToListAsync(ct),
            profiles = profiles.Select(p => new
            {
                p.Id, p.ExternalRef, p.Slug, p.Kind, p.Country, p.HomeRegion, p.Languages, p.Sectors, p.Locations,
                p.TicketMin, p.TicketMax, p.TicketCurrency, p.CooperationModes, p.ContactEmail, p.Visibility, p.CreatedAt, p.UpdatedAt,
                translations = p.Translations.Select(t => new { t.Culture, t.Name, t.Description }),
            }),
            savedSearches = savedSearches.Select(s => new { s.Id, s.Name, query = JsonDocument.Parse(s.QueryJson).RootElement, s.Frequency, s.Culture, s.CreatedAt, s.LastNotifiedAt }),
            bookmarks = await db.OpportunityBookmarks.AsNoTracking().Where(b => b.UserId == id)
                .Select(b => new { b.OpportunityId, b.Decision, b.CreatedAt }).ToListAsync(ct),
            translationRequests = await db.TranslationRequests.AsNoTracking().Where(r => r.UserId == id)
                .Select(r => new { r.OpportunityId, r.Culture, r.CreatedAt }).ToListAsync(ct),
            expressionsOfInterest = await db.ExpressionsOfInterest.AsNoTracking()
                .Where(e => e.UserId == id || organizationIds.Contains(e.OrganizationId))
                .Select(e => new
                {
                    e.Id, e.OpportunityId, e.OrganizationId, e.Role, e.Amount, e.Currency, e.Message, e.ContactPerson, e.ContactEmail,
                    e.ContactPhone, e.Status, e.Outcome, e.OwnerReply, e.AcknowledgedAt, e.CreatedAt, e.UpdatedAt,
                }).ToListAsync(ct),
            notificationPreferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.Subscriber == id || p.Subscriber == EmailSubscriber(user))
                .Select(p => new { p.Topic, p.Enabled, p.Frequency, p.UpdatedAt }).ToListAsync(ct),
            auditEntries = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == id || (a.EntityType == "user" && a.EntityId == id))
                .OrderBy(a => a.Id).Select(a => new { a.At, a.Action, a.EntityType, a.EntityId, a.FromState, a.ToState, a.Reason }).ToListAsync(ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }

    /// <summary>Deletes the account for good; false when the password is wrong (nothing changes then).</summary>
    public async Task<bool> DeleteAsync(PortalUser user, string password, CancellationToken ct = default)
    {
        if (!await users.CheckPasswordAsync(user, password)) return false;
        var id = user.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var anonymized = await db.ExpressionsOfInterest.Where(e => e.UserId == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.UserId, (string?)null).SetProperty(e => e.ContactPerson, "").SetProperty(e => e.ContactEmail, (string?)null)
            .SetProperty(e => e.ContactPhone, (string?)null).SetProperty(e => e.Message, "").SetProperty(e => e.IsAnonymized, true)
            .SetProperty(e => e.UpdatedAt, now), ct);
        var profileIds = await db.InvestorProfiles.Where(p => p.UserId == id).Select(p => p.Id).ToListAsync(ct);
        await db.InvestorProfiles.Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        await db.SavedSearches.Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
        await db.OpportunityBookmarks.Where(b => b.UserId == id).ExecuteDeleteAsync(ct);
        await db.TranslationRequests.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        var subscriber = EmailSubscriber(user);
        await db.NotificationPreferences.Where(p => p.Subscriber == id || p.Subscriber == subscriber).ExecuteDeleteAsync(ct);
        // Earlier entries keep what happened but no longer name the person (their user name is their email).
        await db.AuditEntries.Where(a => a.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, (string?)null), ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        // A public profile leaves the search index too.
        if (profileIds.Count > 0) db.Enqueue(OutboxKinds.Index, new IndexRequest([], profileIds), $"index:profiles-deleted:{id}");
        db.Audit("account.delete", "user", id, userName: null, details: $"interestsAnonymized={anonymized};profiles={profileIds.Count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static string EmailSubscriber(PortalUser user) => "email:" + (user.Email ?? "").ToLowerInvariant();
}
