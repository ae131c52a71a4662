using InvestPortal.Notifications.Preferences;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InvestPortal.Web.Pages;

/// <summary>
/// One-click unsubscribe from an email footer or the List-Unsubscribe header. Works without login;
/// the signed token is the proof. GET only asks (mail scanners open links); POST acts, and accepts
/// the mail client's RFC 8058 one-click POST, which cannot carry an antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Forms)]
public sealed class UnsubscribeModel(NotificationPreferences preferences) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? StoppedTopic { get; private set; }
    public bool Invalid { get; private set; }

    public void OnGet() => Invalid = string.IsNullOrWhiteSpace(Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var claim = await preferences.UnsubscribeAsync(Token, ct);
        if (claim is null)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StoppedTopic = claim.Topic;
        return Page();
    }
}
