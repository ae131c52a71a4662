using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Insight;

/// <summary>
/// An owner invites one of their listing's matching investors: one email in the investor's language,
/// once per listing and investor. The invitation row, today's counter, the audit entry and the email
/// are committed together.
/// </summary>
public sealed class InvestorInvitations(PortalDbContext db, Notifier notifier, OutboxDispatcher dispatcher, OwnerMatches matches,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int MaxMessageLength = 1000;

    /// <summary>The investors already invited to a listing, with when.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> InvitedAsync(Guid opportunityId, CancellationToken ct = default) =>
        await db.OpportunityInvitations.AsNoTracking().Where(i => i.OpportunityId == opportunityId)
            .ToDictionaryAsync(i => i.InvestorProfileId, i => i.CreatedAt, ct);

    /// <param name="opportunity">Loaded with its organization and texts by the caller, after the ownership check.</param>
    public async Task<InviteOutcome> InviteAsync(Opportunity opportunity, Guid investorId, string? message, Actor actor,
        string inviterName, CancellationToken ct = default)
    {
        if (opportunity.Status != OpportunityStatus.Published) return InviteOutcome.NotPublished;
        if (await db.OpportunityInvitations.AnyAsync(i => i.OpportunityId == opportunity.Id && i.InvestorProfileId == investorId, ct))
            return InviteOutcome.AlreadyInvited;
        // Only the engine's current matches: the action cannot be used to mail arbitrary profiles.
        var current = await matches.ForAsync(opportunity, Cultures.En, ct);
        if (current is null) return InviteOutcome.SearchUnavailable;
        if (current.All(m => m.Investor.Entity.Id != investorId)) return InviteOutcome.NotAMatch;

        var investor = await db.InvestorProfiles.AsNoTracking().FirstAsync(p => p.Id == investorId, ct);
        var account = investor.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == investor.UserId, ct);
        var address = !string.IsNullOrWhiteSpace(investor.ContactEmail) ? investor.ContactEmail.Trim() : account?.Email;
        if (string.IsNullOrWhiteSpace(address)) return InviteOutcome.NoAddress;
        var culture = CultureOf(investor);
        var text = opportunity.For(culture, out var fallback);
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var email = await notifier.QueueAsync(db, new EmailRequest
        {
            Template = EmailTemplates.InvestorInvitation, ToAddress = address, ToName = investor.For(culture, out _)?.Name,
            Culture = culture,
            // The account's preferences when the profile has one, else the address's: an unsubscribe is respected either way.
            UserId = account?.Id, LinkPath = $"opportunities/{opportunity.Slug}",
            Values = new Dictionary<string, string>
            {
                ["inviterName"] = inviterName,
                ["organizationName"] = opportunity.Organization?.NameIn(culture) ?? "",
                ["opportunityTitle"] = text?.Title ?? opportunity.ExternalRef,
                ["message"] = string.IsNullOrWhiteSpace(message) ? DefaultMessage(culture) : message.Trim(),
            },
            TextCulture = fallback ? text?.Culture : null,
            IdempotencyKey = $"{EmailTemplates.InvestorInvitation}:{opportunity.Id:N}:{investor.Id:N}",
        }, ct);
        if (email is null) return InviteOutcome.Unsubscribed;
        db.OpportunityInvitations.Add(new OpportunityInvitation
        {
            OpportunityId = opportunity.Id, InvestorProfileId = investor.Id, InvitedBy = actor.UserId, CreatedAt = now,
        });
        var audit = db.Audit("opportunity.invite", "opportunity", opportunity.Id.ToString(), actor.UserName,
            details: $"investor {investor.ExternalRef} ({investor.Id}), email in {culture}", userId: actor.UserId);
        audit.At = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks raced: the unique (opportunity, investor) key let the other one through.
            return InviteOutcome.AlreadyInvited;
        }
        await DailyStats.AddAsync(db, opportunity.Id, DailyStats.Today(clock), invitations: 1, ct: ct);
        await tx.CommitAsync(ct);
        dispatcher.Wake();
        return InviteOutcome.Sent;
    }

    /// <summary>The first of the investor's working languages the portal writes, else the profile's own language, else English.</summary>
    public static string CultureOf(InvestorProfile investor) =>
        investor.Languages.Select(c => c.Trim().ToLowerInvariant()).FirstOrDefault(Cultures.IsSupported)
        ?? (Cultures.IsSupported(investor.OriginalCulture) ? investor.OriginalCulture : Cultures.En);

    // The personal message is optional; the email then carries a polite default in the investor's language.
    private string DefaultMessage(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Infrastructure.Formatting.CultureInfoFor(culture);
            return l["Insight.InviteDefaultMessage"].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
