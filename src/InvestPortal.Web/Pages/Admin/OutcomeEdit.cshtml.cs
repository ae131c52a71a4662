using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Landing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>An admin corrects how a closed listing ended; the reason and both outcomes go to the audit log.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(InvestPortal.Web.Security.RateLimits.Forms)]
public sealed class OutcomeEditModel(ListingOutcomeService outcomes, PortalTaxonomy taxonomy) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    [BindProperty] public ListingOutcomeInput Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var o = await outcomes.ClosedAsync(id, ct);
        if (o is null) return NotFound();
        Item = OpportunityView.Create(o, Culture, taxonomy);
        Version = o.Version;
        Input = new ListingOutcomeInput
        {
            Outcome = o.Outcome, Country = o.OutcomeCountry, Currency = o.OutcomeCurrency ?? o.Currency,
            Amount = o.OutcomeAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await outcomes.CorrectAsync(id, Version, Input, User, ct);
        if (result.Status == OutcomeStatus.Done)
        {
            TempData["Message"] = "AdminLanding.Corrected";
            return Redirect(Href("admin/landing"));
        }
        var o = await outcomes.ClosedAsync(id, ct);
        if (o is null || result.Status == OutcomeStatus.NotFound) return NotFound();
        Item = OpportunityView.Create(o, Culture, taxonomy);
        foreach (var (field, message) in result.Errors) ModelState.AddModelError($"Input.{field}", message);
        if (result.Status == OutcomeStatus.Conflict) (Conflict, Version) = (true, o.Version);
        return Page();
    }
}
