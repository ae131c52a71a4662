using System.Security.Claims;
using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Landing;

/// <summary>
/// Closing a listing with its outcome, and an admin's correction of it. Closing is for the officials of the owner
/// organization only (not admins: the outcome is the owner's account of what happened; admins correct it, and the
/// correction is audited with a reason). The outcome, the chosen interests closed as "agreed", their emails and
/// the close itself (audit, index removal, "closed" email) are saved in one unit of work by the publisher.
/// </summary>
public sealed class ListingOutcomeService(PortalDbContext db, OpportunityPublisher publisher, InterestMail mail,
    LandingFunnel funnel, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int ReasonMax = 1000;

    /// <summary>An official who is a member of the organization (an admin who is not one may not close for it).</summary>
    public async Task<bool> IsOwnerOfficialAsync(Guid organizationId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Official)) return false;
        var userId = users.GetUserId(user);
        return await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, ct);
    }

    /// <summary>A tracked listing the user may close, or null (not found and not theirs are the same answer).</summary>
    public async Task<Opportunity?> ClosableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var o = await db.Opportunities.Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is not null && await IsOwnerOfficialAsync(o.OrganizationId, user, ct) ? o : null;
    }

    /// <summary>The listing's interests still open, oldest first, with the interested organization: who may be closing the deal.</summary>
    public Task<List<ExpressionOfInterest>> OpenInterestsAsync(Guid opportunityId, CancellationToken ct = default) =>
        db.ExpressionsOfInterest.Include(e => e.Organization)
            .Where(e => e.OpportunityId == opportunityId && e.Status != InterestStatus.Closed)
            .OrderBy(e => e.CreatedAt).ToListAsync(ct);

    /// <summary>A closed listing for an admin to correct (tracked), or null.</summary>
    public Task<Opportunity?> ClosedAsync(Guid id, CancellationToken ct = default) =>
        db.Opportunities.Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == OpportunityStatus.Closed, ct);

    /// <summary>Closed listings, most recently closed first, for the admins' list of outcomes.</summary>
    public async Task<IReadOnlyList<Opportunity>> RecentlyClosedAsync(int take, CancellationToken ct = default) =>
        await db.Opportunities.AsNoTracking().Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .Where(x => x.Status == OpportunityStatus.Closed).OrderByDescending(x => x.ClosedAt).ThenBy(x => x.ExternalRef)
            .Take(take).ToListAsync(ct);

    public async Task<OutcomeResult> CloseAsync(Guid id, Guid version, ListingOutcomeInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var o = await ClosableAsync(id, user, ct);
        if (o is null) return OutcomeResult.Of(OutcomeStatus.NotFound);
        if (!OpportunityLifecycle.CanApply(o.Status, LifecycleAction.Close)) return OutcomeResult.Of(OutcomeStatus.NotAllowed);
        var errors = Validate(input, allowExpired: false, out var amount);
        if (errors.Count > 0) return new OutcomeResult(OutcomeStatus.Invalid, errors);
        var actor = new Actor(users.GetUserId(user), user.Identity?.Name);
        var now = clock.GetUtcNow();
        Apply(o, input, amount);
        if (ListingOutcomes.IsLanded(o.Outcome) && input.CloseInterests.Count > 0)
        {
            foreach (var e in (await OpenInterestsAsync(o.Id, ct)).Where(e => input.CloseInterests.Contains(e.Id)))
            {
                var from = e.Status;
                (e.Status, e.Outcome, e.UpdatedAt) = (InterestStatus.Closed, InterestOutcomes.Agreed, now);
                e.DiscussionAt ??= now;
                e.FirstReplyAt ??= now;
                db.Audit("interest.closed", "interest", e.Id.ToString(), actor.UserName, from: from.ToString(),
                    to: InterestStatus.Closed.ToString(), reason: InterestOutcomes.Agreed, userId: actor.UserId);
                await mail.StatusChangedAsync(o, e, o.Organization!, ct);
            }
        }
        db.Audit("opportunity.outcome", "opportunity", o.Id.ToString(), actor.UserName, details: Details(o),
            from: null, to: o.Outcome, userId: actor.UserId);
        var outcome = await publisher.TransitionAsync(o, version, LifecycleAction.Close, null, actor, ct);
        if (outcome == PublishOutcome.Done) funnel.Forget();
        return outcome switch
        {
            PublishOutcome.Done => OutcomeResult.Done,
            PublishOutcome.Conflict => OutcomeResult.Of(OutcomeStatus.Conflict),
            _ => OutcomeResult.Of(OutcomeStatus.NotAllowed),
        };
    }

    /// <summary>An admin's correction of a closed listing's outcome; the old and new outcome and the reason go to the audit log.</summary>
    public async Task<OutcomeResult> CorrectAsync(Guid id, Guid version, ListingOutcomeInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin)) return OutcomeResult.Of(OutcomeStatus.NotFound);
        var o = await ClosedAsync(id, ct);
        if (o is null) return OutcomeResult.Of(OutcomeStatus.NotFound);
        var errors = Validate(input, allowExpired: true, out var amount);
        if (string.IsNullOrWhiteSpace(input.Reason)) errors["Reason"] = l["Outcome.ReasonRequired"];
        else if (input.Reason.Trim().Length > ReasonMax) errors["Reason"] = l["Outcome.ReasonTooLong", ReasonMax];
        if (errors.Count > 0) return new OutcomeResult(OutcomeStatus.Invalid, errors);
        if (o.Version != version) return OutcomeResult.Of(OutcomeStatus.Conflict);
        var before = o.Outcome;
        db.Entry(o).Property(x => x.Version).OriginalValue = version;
        o.Version = Guid.NewGuid();
        Apply(o, input, amount);
        db.Audit("opportunity.outcome.correct", "opportunity", o.Id.ToString(), user.Identity?.Name, details: Details(o),
            from: before, to: o.Outcome, reason: input.Reason!.Trim(), userId: users.GetUserId(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OutcomeResult.Of(OutcomeStatus.Conflict);
        }
        funnel.Forget();
        return OutcomeResult.Done;
    }

    /// <summary>Officials choose among the outcomes they can know; "expired" is the portal's (and an admin's correction).</summary>
    public static IReadOnlyList<string> OwnerChoices => [.. ListingOutcomes.Landed, ListingOutcomes.Withdrawn, ListingOutcomes.NoPartner];

    /// <summary>Localized messages per field; empty when the input can be saved. The amount is checked by the money rule.</summary>
    public Dictionary<string, string> Validate(ListingOutcomeInput input, bool allowExpired, out decimal? amount)
    {
        var errors = new Dictionary<string, string>();
        amount = null;
        if (!ListingOutcomes.IsKnown(input.Outcome)) errors["Outcome"] = l["Outcome.Required"];
        // An expiry is recorded by the portal, not chosen by an official closing a listing themselves.
        else if (input.Outcome == ListingOutcomes.Expired && !allowExpired) errors["Outcome"] = l["Outcome.Required"];
        if (!ListingOutcomes.IsLanded(input.Outcome)) return errors;
        if (!string.IsNullOrWhiteSpace(input.Country) && !Countries.IsKnown(input.Country.Trim()))
            errors["Country"] = l["Outcome.CountryInvalid"];
        if (!string.IsNullOrWhiteSpace(input.Amount))
        {
            var parsed = MoneyInput.Parse(input.Amount);
            if (MoneyInput.Error(parsed, l, "Outcome.AmountInvalid") is { } message) errors["Amount"] = message;
            else amount = parsed;
            if (!MoneyRule.IsCurrency(input.Currency)) errors["Currency"] = l["Outcome.CurrencyInvalid"];
        }
        return errors;
    }

    private static void Apply(Opportunity o, ListingOutcomeInput input, decimal? amount)
    {
        o.Outcome = input.Outcome;
        var landed = ListingOutcomes.IsLanded(input.Outcome);
        o.OutcomeCountry = landed && !string.IsNullOrWhiteSpace(input.Country) ? input.Country.Trim().ToUpperInvariant() : null;
        o.OutcomeAmount = landed ? amount : null;
        o.OutcomeCurrency = landed && amount is not null ? input.Currency : null;
    }

    private static string Details(Opportunity o) => JsonSerializer.Serialize(new
    {
        outcome = o.Outcome, country = o.OutcomeCountry, amount = o.OutcomeAmount, currency = o.OutcomeCurrency,
    });
}
