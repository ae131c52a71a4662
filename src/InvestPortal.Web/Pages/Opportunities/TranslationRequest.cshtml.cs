using InvestPortal.Web.Security;
using InvestPortal.Web.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages.Opportunities;

/// <summary>
/// A signed-in reader asks for a listing in the page's language with one click (the button on the listing page).
/// Once per person and listing; the answer is the listing page again, which shows the request.
/// </summary>
[Authorize, EnableRateLimiting(RateLimits.Forms)]
public sealed class TranslationRequestModel(TranslationRequests requests, UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public IActionResult OnGet(string slug) => Redirect(Href($"opportunities/{slug}"));

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var outcome = await requests.RequestAsync(slug, users.GetUserId(User)!, Culture, ct);
        if (outcome == TranslationRequestOutcome.NotFound) return NotFound();
        return Redirect(Href($"opportunities/{slug}") + "#translation-request");
    }
}
