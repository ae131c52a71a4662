using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;

namespace InvestPortal.Web.Publishing;

/// <summary>The editor's view of a published listing's pending revision (see <see cref="OpportunitySnapshot"/>).</summary>
internal static class Revisions
{
    /// <summary>
    /// The listing as its owners last proposed it: the pending revision applied to a detached copy,
    /// or the listing itself when nothing is pending. The tracked entity is never touched.
    /// </summary>
    public static Opportunity Proposed(Opportunity o) =>
        OpportunitySnapshot.FromJson(o.PendingRevisionJson) is { } revision ? Copy(o, revision.Apply) : o;

    /// <summary>A valid form as a snapshot, without writing it onto the published entity.</summary>
    public static OpportunitySnapshot FromForm(Opportunity o, OpportunityForm form) =>
        OpportunitySnapshot.Of(Copy(o, form.ApplyTo));

    private static Opportunity Copy(Opportunity o, Action<Opportunity> fill)
    {
        // Only what is not part of a snapshot; fill() writes the rest. PublishedAt keeps ApplyTo from touching the slug.
        var copy = new Opportunity
        {
            Id = o.Id, ExternalRef = o.ExternalRef, Slug = o.Slug, Status = o.Status, OrganizationId = o.OrganizationId,
            Organization = o.Organization, PublishedAt = o.PublishedAt, CreatedAt = o.CreatedAt, UpdatedAt = o.UpdatedAt,
            Version = o.Version, IsDemo = o.IsDemo,
        };
        fill(copy);
        return copy;
    }
}
