using InvestPortal.Data.Identity;
using InvestPortal.Web.Privacy;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.My;

/// <summary>Download everything the portal keeps about me; delete my account (the password proves it is really me).</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class PrivacyModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PersonalData data,
    IStringLocalizer<SharedResource> l) : PortalPageModel
{
    [BindProperty] public string? Password { get; set; }
    public bool Deleted { get; private set; }

    public void OnGet() { }

    /// <summary>A GET that changes nothing: the JSON file of the signed-in user's data.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var user = (await users.GetUserAsync(User))!;
        var json = await data.ExportAsync(user, ct);
        return File(json, "application/json", $"investportal-my-data-{DateTime.UtcNow:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), l["Validation.Required", l["Account.Password"]]);
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        if (!await data.DeleteAsync(user, Password, ct))
        {
            ModelState.AddModelError(nameof(Password), l["Privacy.WrongPassword"]);
            return Page();
        }
        await signIn.SignOutAsync();
        Deleted = true;
        return Page();
    }
}
