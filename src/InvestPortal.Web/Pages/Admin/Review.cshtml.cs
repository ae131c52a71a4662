using InvestPortal.Core.Domain;
using InvestPortal.Core.Moderation;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// One item of the queue in full: every language side by side, and what changed since the version the public saw
/// (a field table, and a word diff of the texts; Chinese by character). Approve or reject from here.
/// </summary>
public sealed class ReviewModel(PortalDbContext db, ModerationDecisions decisions, PortalTaxonomy taxonomy,
    IStringLocalizer<SharedResource> l, UserManager<Data.Identity.PortalUser> users) : PortalPageModel
{
    public sealed record FieldRow(string LabelKey, string? Before, string? After)
    {
        public bool Changed => !string.Equals(Before ?? "", After ?? "", StringComparison.Ordinal);
    }

    public sealed record TextDiffRow(string Culture, string LabelKey, IReadOnlyList<DiffSpan> Spans);

    public Opportunity Item { get; private set; } = null!;
    public ModerationKind Kind { get; private set; }
    public OpportunitySnapshot Proposed { get; private set; } = new();
    public OpportunitySnapshot? Previous { get; private set; }
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];
    public IReadOnlyList<TextDiffRow> TextDiffs { get; private set; } = [];
    public bool IsWaiting { get; private set; }
    public bool HasError { get; private set; }
    public string? ReasonInput { get; private set; }
    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid version, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Approve, null, Actor, ct);
        if (!result.Found) return NotFound();
        TempData["Message"] = result.Outcome == PublishOutcome.Done ? "Moderation.Approved" : result.MessageKey;
        return Redirect(Href("admin/moderation"));
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid version, string? reason, string? template, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var resolved = decisions.ResolveReason(reason, template, Item.OriginalCulture);
        if (resolved is null || resolved.Length > ModerationDecisions.MaxReason)
        {
            (HasError, ReasonInput) = (true, reason);
            ReasonError = resolved is null ? l["Moderation.ReasonRequired"] : l["Validation.Length", l["Moderation.Reason"], ModerationDecisions.MaxReason];
            return Page();
        }
        var result = await decisions.DecideAsync(id, version, LifecycleAction.Reject, resolved, Actor, ct);
        TempData["Message"] = result.Outcome == PublishOutcome.Done ? "Moderation.Rejected" : result.MessageKey;
        return Redirect(Href("admin/moderation"));
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Opportunities.AsNoTracking().Include(x => x.Translations).Include(x => x.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        // Drafts stay private to their owners: only what was sent to review (or is public) can be opened here.
        if (o is null || o.Status is OpportunityStatus.Draft) return false;
        Item = o;
        Kind = ModerationQueue.KindOf(o.Status);
        IsWaiting = o.Status == OpportunityStatus.PendingReview || o.PendingRevisionJson is not null;
        var current = OpportunitySnapshot.Of(o);
        // An edit of a published listing: the proposal is the pending revision, the listing itself is what the public sees.
        Proposed = o.Status == OpportunityStatus.Published ? OpportunitySnapshot.TryFromJson(o.PendingRevisionJson) ?? current : current;
        Previous = OpportunitySnapshot.TryFromJson(o.PublishedSnapshotJson) ?? (o.Status == OpportunityStatus.Published ? current : null);
        if (ReferenceEquals(Previous, Proposed)) Previous = null;
        Fields = BuildFields(Previous, Proposed);
        TextDiffs = Previous is null ? [] : BuildTextDiffs(Previous, Proposed);
        return true;
    }

    private List<FieldRow> BuildFields(OpportunitySnapshot? before, OpportunitySnapshot after)
    {
        string? Money(OpportunitySnapshot? s, decimal? v) => s is null || v is null ? null : Formatting.Money(v.Value, s.Currency, Culture);
        string? Label(Func<string?, TaxonomyTerm?> find, string? code) => code is null ? null : find(code)?.Label(Culture) ?? code;
        string? Labels(Func<string?, TaxonomyTerm?> find, IEnumerable<string>? codes) => codes is null ? null : string.Join(" · ", codes.Select(c => Label(find, c)));
        return
        [
            new("Opportunity.Sector", Label(taxonomy.Sector, before?.SectorCode), Label(taxonomy.Sector, after.SectorCode)),
            new("Opportunity.Location", Label(taxonomy.Location, before?.LocationCode), Label(taxonomy.Location, after.LocationCode)),
            new("Position.Label", Point(before), Point(after)),
            new("Opportunity.PartnerRegion", Label(taxonomy.PartnerRegion, before?.PartnerRegionCode), Label(taxonomy.PartnerRegion, after.PartnerRegionCode)),
            new("Opportunity.Investment", Money(before, before?.TotalAmount), Money(after, after.TotalAmount)),
            new("Moderation.Field.Currency", before?.Currency, after.Currency),
            new("Opportunity.MinTicket", Money(before, before?.MinTicket), Money(after, after.MinTicket)),
            new("Opportunity.Modes", Labels(taxonomy.Mode, before?.CooperationModes), Labels(taxonomy.Mode, after.CooperationModes)),
            new("Opportunity.Stage", Label(taxonomy.Stage, before?.StageCode), Label(taxonomy.Stage, after.StageCode)),
            new("Moderation.Field.Tags", before is null ? null : string.Join(", ", before.Tags), string.Join(", ", after.Tags)),
            new("Opportunity.Contact", before?.ContactEmail, after.ContactEmail),
        ];
    }

    private static List<TextDiffRow> BuildTextDiffs(OpportunitySnapshot before, OpportunitySnapshot after)
    {
        var rows = new List<TextDiffRow>();
        foreach (var culture in Cultures.All)
        {
            var (a, b) = (before.Text(culture), after.Text(culture));
            if (a is null && b is null) continue;
            foreach (var (key, x, y) in new[]
            {
                ("Moderation.Field.Title", a?.Title, b?.Title),
                ("Moderation.Field.Summary", a?.Summary, b?.Summary),
                ("Moderation.Field.Description", a?.Description, b?.Description),
            })
            {
                if (string.Equals(x ?? "", y ?? "", StringComparison.Ordinal)) continue;
                rows.Add(new TextDiffRow(culture, key, TextDiff.Compare(x, y)));
            }
        }
        return rows;
    }

    private static string? Point(OpportunitySnapshot? s) =>
        s is { Latitude: { } lat, Longitude: { } lon } ? new Core.Geography.GeoPoint(lat, lon).ToString() : null;
}
