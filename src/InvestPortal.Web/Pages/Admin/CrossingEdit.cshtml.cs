using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// Corrects one border crossing: names, the Russian town opposite, the point, what it carries, and the source of the
/// correction (CrossingCorrectionAdmin stores, audits and applies it). "Back to the file" drops the correction.
/// </summary>
public sealed class CrossingEditModel(CrossingCorrectionAdmin admin) : PortalPageModel
{
    [BindProperty] public CrossingCorrectionInput Input { get; set; } = new();
    [FromRoute] public string Code { get; set; } = "";
    public CrossingRow Row { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageCode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await admin.FindAsync(Code, ct) is not { } row) return NotFound();
        (Row, Input) = (row, CrossingCorrectionInput.From(row.Current, row.Correction));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await ShowAsync(await admin.SaveAsync(Code, Input, Actor, ct), ct);

    public async Task<IActionResult> OnPostRevertAsync(CancellationToken ct) => await ShowAsync(await admin.RevertAsync(Code, Actor, ct), ct);

    private async Task<IActionResult> ShowAsync(CrossingCorrectionResult result, CancellationToken ct)
    {
        if (result.Outcome == CrossingCorrectionOutcome.NotFound || await admin.FindAsync(Code, ct) is not { } row) return NotFound();
        if (result.Outcome == CrossingCorrectionOutcome.Invalid)
        {
            // The form comes back with what was typed (Input is bound) and each problem next to its field.
            ModelState.AddFieldErrors("Input", result.Errors);
            Row = row;
            return Page();
        }
        (Message, MessageCode) = ($"AdminCrossings.{result.Outcome}", Code);
        return Redirect(Href("admin/crossings") + "#crossing-" + Uri.EscapeDataString(Code));
    }
}
