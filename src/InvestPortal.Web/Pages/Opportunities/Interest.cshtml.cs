using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Interests;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Opportunities;

/// <summary>A signed-in enterprise or investor tells the owner of a published listing they are interested.</summary>
[Authorize, EnableRateLimiting(RateLimits.Forms)]
public sealed class InterestModel(OpportunityReader reader, PortalTaxonomy taxonomy, InterestService interests,
    UserManager<PortalUser> users, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    [BindProperty] public InterestInput Input { get; set; } = new();
    public OpportunityView Item { get; private set; } = null!;
    public bool NeedsOrganizationName { get; private set; }
    public Organization? Organization { get; private set; }
    /// <summary>The organization's interest that is still open, if there is one: a second is refused.</summary>
    public Guid? ExistingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal) return refusal;
        var user = (await users.GetUserAsync(User))!;
        Input.ContactPerson = user.DisplayName;
        Input.ContactEmail = user.Email;
        Input.ContactPhone = user.PhoneNumber;
        ExistingId = (await interests.OpenInterestAsync(Item.Entity.Id, user.Id, ct))?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal) return refusal;
        ModelState.Clear();
        Input.Validate((field, message) => ModelState.AddModelError($"Input.{field}", message), l, NeedsOrganizationName);
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        var result = await interests.SubmitAsync(Item.Entity.Id, user, Input, ct);
        switch (result.Outcome)
        {
            case SubmitOutcome.Done:
                TempData["Interests.Message"] = "Interests.Submitted";
                return Redirect(Href($"my/interests#interest-{result.InterestId}"));
            case SubmitOutcome.AlreadyOpen:
                ExistingId = result.InterestId;
                return Page();
            case SubmitOutcome.NotPublished:
                return NotFound();
            case SubmitOutcome.OwnOpportunity:
                ModelState.AddModelError("", l["Interests.OwnOpportunity"]);
                return Page();
            default:
                NeedsOrganizationName = true;
                ModelState.AddModelError("Input.OrganizationName", l["Validation.Required", l["Interests.OrganizationName"]]);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var opportunity = await reader.BySlugAsync(slug, ct);
        if (opportunity is null) return NotFound();
        if (!InterestService.CanRegister(User)) return Forbid();
        Item = OpportunityView.Create(opportunity, Culture, taxonomy);
        var userId = users.GetUserId(User)!;
        Organization = await interests.OrganizationOfAsync(userId, ct);
        NeedsOrganizationName = await interests.NeedsOrganizationNameAsync(userId, ct);
        return null;
    }
}
