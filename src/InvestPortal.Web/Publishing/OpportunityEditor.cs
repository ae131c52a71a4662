using System.Security.Claims;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Publishing;

/// <summary>
/// The listing editor's rules: who may open which listing, what the form starts from, what is checked, and how a save
/// goes through <see cref="OpportunityPublisher"/> (a draft is saved or submitted; a published listing gets a revision).
/// </summary>
public sealed class OpportunityEditor(OwnedOpportunities owned, OpportunityPublisher publisher, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>The editor for a listing of the user's (an id), or for a new one (null).</summary>
    public async Task<EditorSession> OpenAsync(Guid? id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (id is { } existingId)
        {
            var existing = await owned.FindAsync(existingId, user, ct);
            if (existing is null) return new(EditorAccess.NotFound, null, [], null);
            var problem = !OpportunityLifecycle.IsEditable(existing.Status) && !OpportunityLifecycle.CanRevise(existing.Status) ? "Editor.NotEditable" : null;
            return new(EditorAccess.Open, existing, existing.Organization is { } org ? [org] : [], problem);
        }
        if (!OwnedOpportunities.IsPublisher(user)) return new(EditorAccess.Forbidden, null, [], null);
        var organizations = await owned.OrganizationsAsync(user, ct);
        return new(EditorAccess.Open, null, organizations, organizations.Count == 0 ? "Publishing.NoOrganization" : null);
    }

    /// <summary>The form as the editor opens: a published listing with a revision in review is edited from the revision.</summary>
    public static OpportunityForm FormFor(EditorSession session) =>
        session.Existing is { } existing ? OpportunityForm.From(Revisions.Proposed(existing))
        : new OpportunityForm { OrganizationId = session.Organizations.Count > 0 ? session.Organizations[0].Id : null };

    /// <summary>The form's errors by field. Organizations cannot be switched on an existing listing: it would move it out of its owners' reach.</summary>
    public IReadOnlyList<(string Field, string Message)> Check(EditorSession session, OpportunityForm form)
    {
        if (session.Existing is { } existing) form.OrganizationId = existing.OrganizationId;
        var allowed = session.Existing is null ? session.Organizations.Select(o => o.Id).ToList() : [session.Existing.OrganizationId];
        return form.Validate(taxonomy, l, allowed);
    }

    /// <summary>Saves a checked form.</summary>
    public async Task<EditResult> SaveAsync(EditorSession session, OpportunityForm form, bool submit, Actor actor, CancellationToken ct = default)
    {
        if (session.IsRevision)
        {
            var existing = session.Existing!;
            var revised = await publisher.SubmitRevisionAsync(existing, Revisions.FromForm(existing, form), form.Version, actor, ct);
            return new(Map(revised, EditOutcome.RevisionSubmitted), existing.Id);
        }
        var opportunity = session.Existing ?? NewOpportunity();
        form.ApplyTo(opportunity);
        var outcome = await publisher.SaveEditAsync(opportunity, session.Existing is null, form.Version, submit, actor, ct);
        return new(Map(outcome, submit ? EditOutcome.Submitted : EditOutcome.Saved), opportunity.Id);
    }

    private static EditOutcome Map(PublishOutcome outcome, EditOutcome done) => outcome switch
    {
        PublishOutcome.Done => done,
        PublishOutcome.Unchanged => EditOutcome.RevisionUnchanged,
        PublishOutcome.Conflict => EditOutcome.Conflict,
        _ => EditOutcome.NotEditable,
    };

    private Opportunity NewOpportunity()
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        // Listings written on the portal get a reference of their own; imported ones keep the file's.
        return new Opportunity
        {
            Id = id, ExternalRef = $"WEB-{now:yyyy}-{id.ToString("N")[..10].ToUpperInvariant()}",
            Status = OpportunityStatus.Draft, CreatedAt = now,
        };
    }
}
