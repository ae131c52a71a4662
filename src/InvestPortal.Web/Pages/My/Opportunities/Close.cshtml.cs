using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Landing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>
/// Closing a published listing, saying how it ended. Only the owner organization's officials reach it; anyone
/// else gets a 404, as for every owner page. A landed outcome offers to close the open interests as "agreed".
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class CloseModel(ListingOutcomeService outcomes, PortalTaxonomy taxonomy) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    public IReadOnlyList<ExpressionOfInterest> OpenInterests { get; private set; } = [];
    [BindProperty] public ListingOutcomeInput Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Item.Entity.Version;
        Input.Currency = Item.Entity.Currency;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await outcomes.CloseAsync(id, Version, Input, User, ct);
        switch (result.Status)
        {
            case OutcomeStatus.Done:
                TempData["Message"] = ListingOutcomes.IsLanded(Input.Outcome) ? "Outcome.ClosedLanded" : "Publishing.Closed";
                return Redirect(Href("my/opportunities"));
            case OutcomeStatus.NotFound:
                return NotFound();
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        foreach (var (field, message) in result.Errors) ModelState.AddModelError($"Input.{field}", message);
        if (result.Status == OutcomeStatus.Conflict) (Conflict, Version) = (true, Item.Entity.Version);
        if (result.Status == OutcomeStatus.NotAllowed) ModelState.AddModelError("", "Publishing.NotAllowed");
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await outcomes.ClosableAsync(id, User, ct);
        if (o is null) return false;
        Item = OpportunityView.Create(o, Culture, taxonomy);
        OpenInterests = await outcomes.OpenInterestsAsync(id, ct);
        return true;
    }
}
