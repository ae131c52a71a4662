using InvestPortal.Core.Domain;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Organizations for admins: filter by verification and kind, verify or unverify, go on to create or edit.</summary>
public sealed class OrganizationsModel(OrganizationAdmin admin) : PortalPageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true, Name = "verified")] public string? VerifiedFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public OrganizationListPage Items { get; private set; } = new([], 0, 1, PageSize);
    public Pager Pager { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    public OrganizationKind? Kind => Enum.TryParse<OrganizationKind>(KindFilter, true, out var k) && Enum.IsDefined(k) ? k : null;
    public bool? Verified => VerifiedFilter switch { "yes" => true, "no" => false, _ => null };

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Items = await admin.ListAsync(new OrganizationFilter(Verified, Kind, Query?.Trim()), Math.Max(1, pageNumber), PageSize, ct);
        Pager = new Pager(Items.Page, PageSize, Items.Total, Request);
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) => SetAsync(id, true, ct);

    public Task<IActionResult> OnPostUnverifyAsync(Guid id, CancellationToken ct) => SetAsync(id, false, ct);

    private async Task<IActionResult> SetAsync(Guid id, bool verified, CancellationToken ct)
    {
        var changed = await admin.SetVerifiedAsync(id, verified, Actor, ct);
        if (changed is null) return NotFound();
        Message = changed == false ? "AdminOrgs.NoChange" : verified ? "AdminOrgs.Verified" : "AdminOrgs.Unverified";
        var back = Request.Form["back"].ToString();
        return Redirect(Href("admin/organizations") + (back.StartsWith('?') ? back : ""));
    }
}
