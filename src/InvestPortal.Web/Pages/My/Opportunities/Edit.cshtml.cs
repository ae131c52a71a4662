using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>Creates and edits an opportunity of one of the official's organizations; can send it to review.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class EditModel(OwnedOpportunities owned, OpportunityPublisher publisher, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l, UserManager<Data.Identity.PortalUser> users, TimeProvider clock,
    Attachments.AttachmentService attachments) : PortalPageModel
{
    public IReadOnlyList<OpportunityAttachment> Attachments { get; private set; } = [];
    public Attachments.AttachmentOptions AttachmentLimits => attachments.Limits;
    /// <summary>Set by the attachments page after a refused upload: shown under the file field.</summary>
    [TempData] public string? AttachmentError { get; set; }
    [TempData] public string? AttachmentMessage { get; set; }
    [BindProperty] public OpportunityForm Form { get; set; } = new();
    public Opportunity? Existing { get; private set; }
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];
    public PortalTaxonomy Taxonomy => taxonomy;
    /// <summary>A resource key explaining why the form cannot be saved as it is (conflict, not editable…).</summary>
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public bool CanSave => Problem is not ("Editor.NotEditable" or "Publishing.NoOrganization");
    /// <summary>A published listing: saving sends the changes to review while the public keeps the approved version.</summary>
    public bool IsRevision => Existing is { } e && OpportunityLifecycle.CanRevise(e.Status);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        // A published listing with a revision in review is edited from the revision, not from the public text.
        if (Existing is not null) Form = OpportunityForm.From(Revisions.Proposed(Existing));
        else if (Organizations.Count > 0) Form.OrganizationId = Organizations[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? submit, string? preview, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanSave) return Page();
        // Organizations cannot be switched on an existing listing: it would move it out of its owners' reach.
        var allowed = Existing is null ? Organizations.Select(o => o.Id).ToList() : [Existing.OrganizationId];
        if (Existing is not null) Form.OrganizationId = Existing.OrganizationId;
        Form.Validate(taxonomy, l, ModelState, allowed);
        if (!ModelState.IsValid) return Page();

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name);
        PublishOutcome outcome;
        if (IsRevision)
        {
            outcome = await publisher.SubmitRevisionAsync(Existing!, Revisions.FromForm(Existing!, Form), Form.Version, actor, ct);
            submit = "revision";
        }
        else
        {
            var opportunity = Existing ?? NewOpportunity();
            Form.ApplyTo(opportunity);
            outcome = await publisher.SaveEditAsync(opportunity, Existing is null, Form.Version, submit is not null, actor, ct);
            if (outcome == PublishOutcome.Done && preview is not null) return Redirect(Href($"my/opportunities/preview/{opportunity.Id}"));
        }
        switch (outcome)
        {
            case PublishOutcome.Done:
                Message = submit switch { "revision" => "Editor.RevisionSubmitted", not null => "Publishing.Submitted", _ => "Publishing.Saved" };
                return Redirect(Href("my/opportunities"));
            case PublishOutcome.Unchanged:
                Message = "Editor.RevisionUnchanged";
                return Redirect(Href("my/opportunities"));
            case PublishOutcome.Conflict:
                Problem = "Publishing.Conflict";
                return Page();
            default:
                Problem = "Editor.NotEditable";
                return Page();
        }
    }

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

    /// <summary>Null when the page may be shown; else the answer: 403 for non-officials, 404 for ids that are not theirs.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existingId)
        {
            Existing = await owned.FindAsync(existingId, User, ct);
            if (Existing is null) return NotFound();
            if (!OpportunityLifecycle.IsEditable(Existing.Status) && !OpportunityLifecycle.CanRevise(Existing.Status)) Problem = "Editor.NotEditable";
            Organizations = Existing.Organization is { } org ? [org] : [];
            Attachments = await attachments.ListAsync(existingId, includePending: true, ct);
            return null;
        }
        if (!OwnedOpportunities.IsPublisher(User)) return Forbid();
        Organizations = await owned.OrganizationsAsync(User, ct);
        if (Organizations.Count == 0) Problem = "Publishing.NoOrganization";
        return null;
    }
}
