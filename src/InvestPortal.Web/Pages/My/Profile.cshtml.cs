using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Investing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using InvestPortal.Web.Security;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.My;

/// <summary>The investor's own profile: create and edit it, see how complete it is and who can see it.</summary>
// Each save queues index work in the outbox: submissions are rate-limited like every other form.
[EnableRateLimiting(RateLimits.Forms)]
[Authorize(Policy = Roles.Investor)]
public sealed class ProfileModel(InvestorProfiles profiles, PortalTaxonomy taxonomy, IStringLocalizer<SharedResource> l,
    UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    [BindProperty] public ProfileForm Form { get; set; } = new();
    public InvestorProfile? Existing { get; private set; }
    public ProfileCompleteness? Completeness { get; private set; }
    public PortalTaxonomy Taxonomy => taxonomy;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Existing = await profiles.OwnAsync(users.GetUserId(User)!, ct);
        Form = Existing is null ? ProfileForm.New(Culture) : ProfileForm.From(Existing, taxonomy);
        Completeness = Existing is null ? null : ProfileCompleteness.Of(Existing);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        // Binding errors ("abc" in a list) are replaced by the form's own, worded per field.
        ModelState.Clear();
        ModelState.AddFieldErrors("Form", Form.Validate(taxonomy, l));
        if (!ModelState.IsValid)
        {
            Existing = await profiles.OwnAsync(userId, ct);
            Completeness = Existing is null ? null : ProfileCompleteness.Of(Existing);
            return Page();
        }
        await profiles.SaveAsync(userId, User.Identity?.Name, Form, ct);
        Message = "Profile.Saved";
        return Redirect(Href("my/profile"));
    }
}
