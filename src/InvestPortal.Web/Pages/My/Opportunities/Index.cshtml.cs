using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>The official's listings in every status, with the rejection reason where there is one.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class IndexModel(OwnedOpportunities owned, OpportunityPublisher publisher, PortalTaxonomy taxonomy) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Items { get; private set; } = [];
    public bool HasOrganization { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!OwnedOpportunities.IsPublisher(User)) return Forbid();
        HasOrganization = (await owned.OrganizationsAsync(User, ct)).Count > 0;
        Items = (await owned.ListAsync(User, ct)).Select(o => OpportunityView.Create(o, Culture, taxonomy)).ToList();
        return Page();
    }

    /// <summary>The owner's own transition from the list: submit a draft.</summary>
    public async Task<IActionResult> OnPostTransitionAsync(Guid id, Guid version, LifecycleAction action, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        // Closing records how the listing ended: it goes through the close page (my/opportunities/{id}/close).
        if (action is not LifecycleAction.Submit) return BadRequest();
        var outcome = await publisher.TransitionAsync(opportunity, version, action, null, Actor, ct);
        Message = outcome switch
        {
            PublishOutcome.Done => "Publishing.Submitted",
            PublishOutcome.Conflict => "Publishing.Conflict",
            _ => "Publishing.NotAllowed",
        };
        return Redirect(Href("my/opportunities"));
    }
}
