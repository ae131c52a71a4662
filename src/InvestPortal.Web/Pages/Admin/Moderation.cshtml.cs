using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// The review queue: new listings and edits of published ones, oldest first, filterable by organization, sector,
/// language and kind; approve or reject each (a reason template fills the reason, with or without JavaScript), or
/// approve several at once.
/// </summary>
public sealed class ModerationModel(ModerationQueue queue, ModerationDecisions decisions, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l) : PortalPageModel
{
    public const int PageSize = 20;
    public const int MaxReason = ModerationDecisions.MaxReason;

    public sealed record Row(ModerationItem Item, OpportunityView View);

    public IReadOnlyList<Row> Queue { get; private set; } = [];
    public ModerationPage Result { get; private set; } = new([], 0, 1, PageSize, 0, 0);
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<Organization> Organizations { get; private set; } = [];
    public PortalTaxonomy Taxonomy => taxonomy;

    [BindProperty(SupportsGet = true, Name = "org")] public Guid? OrganizationFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? SectorFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "lang")] public string? LanguageFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? KindFilter { get; set; }
    public int PageNumber { get; private set; } = 1;

    [TempData] public string? Message { get; set; }
    /// <summary>The per-item outcome of a bulk approval, as JSON (TempData keeps strings).</summary>
    [TempData] public string? BulkReport { get; set; }
    public IReadOnlyList<BulkApprovalLine> BulkLines { get; private set; } = [];

    /// <summary>The listing whose reject form came back with an error, so its message shows next to its field.</summary>
    public Guid? ErrorFor { get; private set; }
    public string? ReasonError { get; private set; }
    public string? ReasonInput { get; private set; }

    public ModerationKind? Kind => Enum.TryParse<ModerationKind>(KindFilter, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        PageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid version, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Approve, null, Actor, ct);
        if (!result.Found) return NotFound();
        Message = result.Outcome == PublishOutcome.Done ? "Moderation.Approved" : result.MessageKey;
        return Redirect(BackToQueue());
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid version, string? reason, string? template, CancellationToken ct)
    {
        var check = decisions.CheckReason(reason, template, await queue.OriginalCultureAsync(id, ct) ?? Cultures.En);
        if (!check.IsValid)
        {
            (ErrorFor, ReasonInput, ReasonError) = (id, reason, check.Error);
            await LoadAsync(ct);
            return Page();
        }
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Reject, check.Reason, Actor, ct);
        if (!result.Found) return NotFound();
        Message = result.Outcome == PublishOutcome.Done ? "Moderation.Rejected" : result.MessageKey;
        return Redirect(BackToQueue());
    }

    public async Task<IActionResult> OnPostBulkApproveAsync(string[]? items, CancellationToken ct)
    {
        var parsed = ModerationDecisions.ParseItems(items);
        if (parsed.Count == 0)
        {
            Message = "Moderation.BulkNothing";
            return Redirect(BackToQueue());
        }
        var results = await decisions.ApproveManyAsync(parsed, Actor, ct);
        var ok = results.Count(r => r.Outcome == PublishOutcome.Done);
        Message = ok == results.Count ? "Moderation.BulkAllApproved" : "Moderation.BulkSomeFailed";
        BulkReport = JsonSerializer.Serialize(results.Select(r => new BulkApprovalLine(r.Title, r.MessageKey, r.Outcome == PublishOutcome.Done)));
        return Redirect(BackToQueue());
    }

    /// <summary>Back to the queue with the filters the moderator had (the forms post them along as "back").</summary>
    private string BackToQueue()
    {
        var back = Request.HasFormContentType ? Request.Form["back"].ToString() : "";
        return back.StartsWith('?') && !back.Contains("//", StringComparison.Ordinal) ? Href("admin/moderation") + back : Href("admin/moderation");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sector = taxonomy.Sector(SectorFilter)?.Code;
        var lang = Cultures.IsSupported(LanguageFilter) ? LanguageFilter : null;
        Result = await queue.ListAsync(new ModerationFilter(OrganizationFilter, sector, lang, Kind), Math.Max(1, PageNumber), PageSize, ct);
        Queue = Result.Items.Select(i => new Row(i, OpportunityView.Create(i.Entity, Culture, taxonomy))).ToList();
        Organizations = await queue.OrganizationsAsync(ct);
        Pager = new Pager(Result.Page, PageSize, Result.Total, Request);
        if (BulkReport is { Length: > 0 } json)
            BulkLines = JsonSerializer.Deserialize<List<BulkApprovalLine>>(json) ?? [];
    }

    public string ReasonTemplateText(string code, string culture) => ReasonTemplates.Text(l, code, culture);
}
