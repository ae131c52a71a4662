using InvestPortal.Web.Localization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.My.Opportunities;

/// <summary>
/// The listing as the public would read it in this page's language, before anything is published:
/// the saved draft, or for a published listing the revision waiting for review. The language tabs
/// are the same page under /zh/, /ru/ and /en/, so labels, money and dates follow the language too.
/// </summary>
public sealed class PreviewModel(OwnedOpportunities owned, PortalTaxonomy taxonomy, Map.BorderMapBuilder maps) : PortalPageModel
{
    public OpportunityView Item { get; private set; } = null!;
    /// <summary>The proposed point (or location) and its nearest crossings, as the public page would show them.</summary>
    public Map.BorderMap? Map { get; private set; }
    public Opportunity Saved { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Officials of other organizations and everyone else: the same 404 as for an id that does not exist.
        if (await owned.FindAsync(id, User, ct) is not { } opportunity) return NotFound();
        Saved = opportunity;
        var proposed = Revisions.Proposed(opportunity);
        Item = OpportunityView.Create(proposed, Culture, taxonomy);
        Map = maps.ForListing(Culture, Item.Title, proposed);
        return Page();
    }

    public string PreviewHref(string culture) => CultureUrls.Href(culture, $"my/opportunities/preview/{Saved.Id}");
}
