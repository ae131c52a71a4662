using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Investing;
using InvestPortal.Web.Pages.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My;

/// <summary>
/// The saved opportunities, and the one place verdicts are posted to: shortlist, remove, dismiss
/// and restore (from matches, the shortlist and the opportunity page), each back to where it came from.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class ShortlistModel(Bookmarks bookmarks, OpportunityReader reader, PortalTaxonomy taxonomy,
    UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public IReadOnlyList<OpportunityView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ids = await bookmarks.ShortlistAsync(users.GetUserId(User)!, ct);
        var found = await reader.ByIdsAsync(ids, ct);
        // Closed listings drop out: the shortlist is of what can still be acted on.
        Items = ids.Where(found.ContainsKey).Select(id => OpportunityView.Create(found[id], Culture, taxonomy)).ToList();
    }

    public Task<IActionResult> OnPostAddAsync(Guid opportunityId, string? returnUrl, CancellationToken ct) =>
        DecideAsync(opportunityId, OpportunityDecision.Shortlisted, returnUrl, ct);

    public Task<IActionResult> OnPostDismissAsync(Guid opportunityId, string? returnUrl, CancellationToken ct) =>
        DecideAsync(opportunityId, OpportunityDecision.Dismissed, returnUrl, ct);

    /// <summary>Removes from the shortlist, or brings a dismissed opportunity back into matches.</summary>
    public async Task<IActionResult> OnPostClearAsync(Guid opportunityId, string? returnUrl, CancellationToken ct)
    {
        await bookmarks.ClearAsync(users.GetUserId(User)!, opportunityId, ct);
        return Back(returnUrl);
    }

    private async Task<IActionResult> DecideAsync(Guid opportunityId, OpportunityDecision decision, string? returnUrl, CancellationToken ct)
    {
        if (!await bookmarks.SetAsync(users.GetUserId(User)!, opportunityId, decision, ct)) return NotFound();
        return Back(returnUrl);
    }

    // Only paths on this site: a crafted returnUrl must not turn the form into an open redirect.
    private IActionResult Back(string? returnUrl) =>
        Redirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Href("my/shortlist"));
}
