using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using InvestPortal.Web.Discovery;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// The review queue: new listings and edits of published ones, oldest first, filterable by organization, sector,
/// language and kind; approve or reject each (a reason template fills the reason, with or without JavaScript), or
/// approve several at once. Every decision returns to the queue with the filters the moderator had.
/// </summary>
public sealed class ModerationModel(ModerationQueue queue, ModerationDecisions decisions, PortalTaxonomy taxonomy) : PortalPageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<ModerationRow> Queue { get; private set; } = [];
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

    public ModerationKind? Kind => ModerationFilter.KindOf(KindFilter);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        PageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid version, CancellationToken ct) =>
        Decided(await decisions.DecideAsync(id, version, LifecycleAction.Approve, null, Actor, ct), "Moderation.Approved");

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid version, string? reason, string? template, CancellationToken ct)
    {
        var result = await decisions.RejectAsync(id, version, reason, template, Actor, ct);
        if (result.Decision is { } decision) return Decided(decision, "Moderation.Rejected");
        (ErrorFor, ReasonInput, ReasonError) = (id, reason, result.ReasonError);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBulkApproveAsync(string[]? items, CancellationToken ct)
    {
        var result = await decisions.BulkApproveAsync(items, Actor, ct);
        Message = result.MessageKey;
        if (result.Lines.Count > 0) BulkReport = BulkApprovalLine.ToJson(result.Lines);
        return Redirect(HrefBack("admin/moderation"));
    }

    private IActionResult Decided(DecisionResult result, string doneKey)
    {
        if (!result.Found) return NotFound();
        Message = result.Outcome == PublishOutcome.Done ? doneKey : result.MessageKey;
        return Redirect(HrefBack("admin/moderation"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var filter = ModerationFilter.From(OrganizationFilter, SectorFilter, LanguageFilter, KindFilter, taxonomy);
        Result = await queue.ListAsync(filter, Math.Max(1, PageNumber), PageSize, ct);
        Queue = Result.Items.Select(i => new ModerationRow(i, OpportunityView.Create(i.Entity, Culture, taxonomy))).ToList();
        Organizations = await queue.OrganizationsAsync(ct);
        Pager = new Pager(Result.Page, PageSize, Result.Total, Request);
        BulkLines = BulkApprovalLine.FromJson(BulkReport);
    }
}
