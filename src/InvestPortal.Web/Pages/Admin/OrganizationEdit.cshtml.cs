using InvestPortal.Core.Domain;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Create a government agency or development zone, or edit any organization's names, kind and website.</summary>
public sealed class OrganizationEditModel(OrganizationAdmin admin, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public Organization? Existing { get; private set; }
    public bool IsNew => Existing is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } value)
        {
            Existing = await admin.FindAsync(value, ct);
            if (Existing is null) return NotFound();
            Input = OrganizationInput.From(Existing);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } value && (Existing = await admin.FindAsync(value, ct)) is null) return NotFound();
        // Binding problems (an unknown kind) arrive as model errors; the checks below give the localized message.
        ModelState.Clear();
        foreach (var (field, key) in Input.Validate(IsNew)) ModelState.AddModelError($"Input.{field}", l[key]);
        if (!ModelState.IsValid) return Page();
        var actor = Actor;
        if (IsNew)
        {
            var created = await admin.CreateAsync(Input, actor, ct);
            TempData["Message"] = "AdminOrgs.Created";
            return Redirect(Href("admin/organizations") + "?q=" + Uri.EscapeDataString(created.Name));
        }
        await admin.UpdateAsync(Existing!.Id, Input, actor, ct);
        TempData["Message"] = "AdminOrgs.Saved";
        return Redirect(Href("admin/organizations"));
    }
}
