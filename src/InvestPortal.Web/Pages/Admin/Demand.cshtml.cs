using InvestPortal.Core.Moderation;
using InvestPortal.Web.Demand;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>All unmet demand, gaps first, and its CSV export. Admins only (the folder's policy).</summary>
public sealed class DemandModel(UnmetDemand demand) : PortalPageModel
{
    /// <summary>The page shows this many cells; the CSV has them all.</summary>
    public const int PageRows = 200;

    public DemandReport Report { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Report = await demand.AllAsync(ct);

    /// <summary>Every cell as CSV (UTF-8 with BOM, formula-looking cells neutralized), labels in the page's language.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"unmet-demand-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await Csv.WriteAsync(Response.Body, UnmetDemand.CsvHeader, demand.CsvRowsAsync(Culture, ct), ct);
        return new EmptyResult();
    }
}
