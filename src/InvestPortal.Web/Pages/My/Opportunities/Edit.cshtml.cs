using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>Creates and edits an opportunity of one of the official's organizations; can send it to review.</summary>
public sealed class EditModel(OwnedOpportunities owned, OpportunityPublisher publisher, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l, UserManager<Data.Identity.PortalUser> users, TimeProvider clock) : PortalPageModel
{
    [BindProperty] public OpportunityForm Form { get; set; } = new();
    public Opportunity? Existing { get; private set; }
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];
    public PortalTaxonomy Taxonomy => taxonomy;
    /// <summary>A resource key explaining why the form cannot be saved as it is (conflict, not editable…).</summary>
    public string? Problem { get; private set; }
    [TempData] public string? Message { get; set; }

    public bool CanSave => Problem is not ("Publishing.NotEditable" or "Publishing.NoOrganization");

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Existing is not null) Form = OpportunityForm.From(Existing);
        else if (Organizations.Count > 0) Form.OrganizationId = Organizations[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? submit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanSave) return Page();
        // Organizations cannot be switched on an existing listing: it would move it out of its owners' reach.
        var allowed = Existing is null ? Organizations.Select(o => o.Id).ToList() : [Existing.OrganizationId];
        if (Existing is not null) Form.OrganizationId = Existing.OrganizationId;
        Form.Validate(taxonomy, l, ModelState, allowed);
        if (!ModelState.IsValid) return Page();

        var opportunity = Existing ?? NewOpportunity();
        Form.ApplyTo(opportunity);
        var outcome = await publisher.SaveEditAsync(opportunity, Existing is null, Form.Version, submit is not null,
            new Actor(users.GetUserId(User), User.Identity?.Name), ct);
        switch (outcome)
        {
            case PublishOutcome.Done:
                Message = submit is not null ? "Publishing.Submitted" : "Publishing.Saved";
                return Redirect(Href("my/opportunities"));
            case PublishOutcome.Conflict:
                Problem = "Publishing.Conflict";
                return Page();
            default:
                Problem = "Publishing.NotEditable";
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
            if (!OpportunityLifecycle.IsEditable(Existing.Status)) Problem = "Publishing.NotEditable";
            Organizations = Existing.Organization is { } org ? [org] : [];
            return null;
        }
        if (!OwnedOpportunities.IsPublisher(User)) return Forbid();
        Organizations = await owned.OrganizationsAsync(User, ct);
        if (Organizations.Count == 0) Problem = "Publishing.NoOrganization";
        return null;
    }
}
