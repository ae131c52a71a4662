using InvestPortal.Web.Administration;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// The border crossings as the portal shows them (content/border-crossings.json with admins' corrections on top), each
/// with a link to its correction form. A correction shows everywhere at once; one that moves a crossing re-indexes search.
/// </summary>
public sealed class CrossingsModel(CrossingCorrectionAdmin admin) : PortalPageModel
{
    public IReadOnlyList<CrossingRow> Rows { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }
    [Microsoft.AspNetCore.Mvc.TempData] public string? MessageCode { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await admin.RowsAsync(ct);
}
