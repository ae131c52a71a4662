using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Moderation;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Who did what and when: the audit log filtered by user, action, entity and date, and its CSV export.</summary>
public sealed class AuditModel(AuditLog log, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? TypeFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "entity")] public string? EntityFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? FromText { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? ToText { get; set; }
    public int PageNumber { get; private set; } = 1;

    public AuditPage Items { get; private set; } = new([], 0, 1, PageSize);
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    /// <summary>Resource keys of date fields that could not be read, by field name.</summary>
    public Dictionary<string, string> DateErrors { get; } = [];

    public string CsvUrl => Href("admin/audit") + "?handler=csv" + (Request.QueryString.HasValue ? "&" + Request.QueryString.Value!.TrimStart('?') : "");

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        PageNumber = pageNumber;
        var filter = Filter();
        Items = await log.ListAsync(filter, Math.Max(1, PageNumber), PageSize, ct);
        Pager = new Pager(Items.Page, PageSize, Items.Total, Request);
        Actions = await log.ActionsAsync(ct);
        EntityTypes = await log.EntityTypesAsync(ct);
    }

    /// <summary>The filtered entries as CSV (UTF-8 with BOM, formula-looking cells neutralized), streamed.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var filter = Filter();
        // Refused before the first byte is sent: once the CSV has started, an error can only cut it off.
        if (DateErrors.Count > 0)
            return new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8",
                Content = string.Join(Environment.NewLine, DateErrors.Values.Distinct().Select(DateMessage)) };
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await Csv.WriteAsync(Response.Body, AuditLog.CsvHeader, log.CsvRowsAsync(filter, ct), ct);
        return new EmptyResult();
    }

    private AuditFilter Filter() => new(Trim(UserFilter), Trim(ActionFilter), Trim(TypeFilter), Trim(EntityFilter),
        Date(nameof(FromText), FromText), Date(nameof(ToText), ToText));

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, 200)];

    private DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            DateErrors[field] = "Audit.DateInvalid";
        else if (!AuditFilter.InRange(d))
            DateErrors[field] = "Audit.DateOutOfRange";
        else
            return d;
        return null;
    }

    /// <summary>The message for a date error key, with the accepted range filled in where the text names it.</summary>
    public string DateMessage(string key) => l[key, AuditFilter.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AuditFilter.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    public string Format(AuditEntry a) => a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
