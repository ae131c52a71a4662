using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Interests;

/// <summary>
/// The emails of an expression of interest, each in its recipient's own language (not the language
/// of the person who clicked), queued in the caller's unit of work.
/// </summary>
public sealed class InterestMail(PortalDbContext db, Notifier notifier, IStringLocalizer<SharedResource> l)
{
    public static string Culture(PortalUser u) => Cultures.IsSupported(u.PreferredCulture) ? u.PreferredCulture : Cultures.En;

    /// <summary>To every official of the owner organization: someone is interested.</summary>
    public async Task InterestReceivedAsync(Opportunity o, ExpressionOfInterest e, Organization interested, CancellationToken ct)
    {
        foreach (var user in await OwnerOfficialsAsync(o.OrganizationId, ct))
        {
            var culture = Culture(user);
            var text = o.For(culture, out var fallback);
            await notifier.QueueAsync(db, new EmailRequest
            {
                Template = EmailTemplates.InterestReceived, ToAddress = user.Email!, ToName = user.DisplayName, Culture = culture, UserId = user.Id,
                LinkPath = $"my/opportunities/{o.Id}/interests/{e.Id}",
                Values = new Dictionary<string, string>
                {
                    ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                    ["organizationName"] = OrganizationLabel(interested, culture),
                    ["message"] = e.Message,
                },
                TextCulture = fallback ? text?.Culture : null,
                IdempotencyKey = $"{EmailTemplates.InterestReceived}:{e.Id:N}:{user.Id}",
            }, ct);
        }
    }

    /// <summary>To the person who registered the interest: the owner acknowledged it, or moved it on.</summary>
    public async Task StatusChangedAsync(Opportunity o, ExpressionOfInterest e, Organization owner, CancellationToken ct)
    {
        if (e.UserId is null || await db.Users.FirstOrDefaultAsync(u => u.Id == e.UserId, ct) is not { Email: { Length: > 0 } } user) return;
        var culture = Culture(user);
        var text = o.For(culture, out var fallback);
        var acknowledged = e.Status == InterestStatus.Acknowledged;
        var template = acknowledged ? EmailTemplates.InterestAcknowledged : EmailTemplates.InterestStatusChanged;
        var values = new Dictionary<string, string> { ["opportunityTitle"] = text?.Title ?? o.ExternalRef };
        if (acknowledged) values["ownerOrganization"] = owner.NameIn(culture);
        else values["status"] = e.Status.ToString();
        await notifier.QueueAsync(db, new EmailRequest
        {
            Template = template, ToAddress = user.Email!, ToName = user.DisplayName, Culture = culture, UserId = user.Id,
            LinkPath = "my/interests", Values = values, TextCulture = fallback ? text?.Culture : null,
            IdempotencyKey = $"{template}:{e.Id:N}:{e.Status}:{user.Id}",
        }, ct);
    }

    /// <summary>To the owner's officials: the interested organization withdrew.</summary>
    public async Task WithdrawnAsync(Opportunity o, ExpressionOfInterest e, Organization interested, CancellationToken ct)
    {
        foreach (var user in await OwnerOfficialsAsync(o.OrganizationId, ct))
        {
            var culture = Culture(user);
            var text = o.For(culture, out var fallback);
            await notifier.QueueAsync(db, new EmailRequest
            {
                Template = EmailTemplates.InterestWithdrawn, ToAddress = user.Email!, ToName = user.DisplayName, Culture = culture, UserId = user.Id,
                LinkPath = $"my/opportunities/{o.Id}/interests/{e.Id}",
                Values = new Dictionary<string, string>
                {
                    ["opportunityTitle"] = text?.Title ?? o.ExternalRef,
                    ["organizationName"] = OrganizationLabel(interested, culture),
                },
                TextCulture = fallback ? text?.Culture : null,
                IdempotencyKey = $"{EmailTemplates.InterestWithdrawn}:{e.Id:N}:{user.Id}",
            }, ct);
        }
    }

    /// <summary>The interested organization's name as the recipient reads it, marked when admins have not verified it.</summary>
    public string OrganizationLabel(Organization org, string culture)
    {
        var name = org.NameIn(culture);
        if (org.IsVerified) return name;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Formatting.CultureInfoFor(culture);
            return l["Interests.UnverifiedName", name];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private Task<List<PortalUser>> OwnerOfficialsAsync(Guid organizationId, CancellationToken ct) =>
        OwnedOpportunities.OfficialsOf(db, organizationId).ToListAsync(ct);
}
