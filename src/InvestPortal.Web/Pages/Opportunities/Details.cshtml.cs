using InvestPortal.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Opportunities;

public sealed class DetailsModel(OpportunityReader reader, PortalTaxonomy taxonomy) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var opportunity = await reader.BySlugAsync(slug, ct);
        if (opportunity is null) return NotFound();
        await reader.CountViewAsync(opportunity.Id, ct);
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        return Page();
    }
}
