using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>The owner's list of expressions of interest in one listing (officials of the owner organization and admins).</summary>
public sealed class InterestsModel(OwnedOpportunities owned, InterestReader reader, PortalTaxonomy taxonomy) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    public IReadOnlyList<ExpressionOfInterest> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opportunity = await owned.FindAsync(id, User, ct);
        if (opportunity is null) return NotFound();
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        Items = await reader.ForOpportunityAsync(id, ct);
        return Page();
    }
}
