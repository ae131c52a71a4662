using InvestPortal.Core.Taxonomy;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Pages.Investors;

public sealed class DetailsModel(InvestorReader reader, PortalTaxonomy taxonomy, Microsoft.AspNetCore.Identity.UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public InvestorView Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var profile = await reader.BySlugForAsync(slug, User, users.GetUserId(User), ct);
        if (profile is null) return NotFound();
        Item = InvestorView.Create(profile, Culture, taxonomy);
        return Page();
    }
}
