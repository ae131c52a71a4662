using InvestPortal.Core.Glossary;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Infrastructure;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>Adds a concept (no id in the URL) or edits one. Saving re-indexes through the outbox (GlossaryAdmin).</summary>
public sealed class GlossaryEditModel(GlossaryAdmin admin, PortalTaxonomy taxonomy, OutboxDispatcher dispatcher, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    [BindProperty] public GlossaryInput Input { get; set; } = new();
    [FromRoute] public string? Id { get; set; }
    public bool IsNew => Id is null;
    public PortalTaxonomy Taxonomy => taxonomy;
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var entry = await admin.FindAsync(Id!, ct);
        if (entry is null) return NotFound();
        Input = new GlossaryInput
        {
            Id = entry.Id, Sector = entry.Sector, Version = entry.UpdatedAt.UtcTicks,
            Zh = GlossaryRules.JoinTerms(entry.Zh), Ru = GlossaryRules.JoinTerms(entry.Ru), En = GlossaryRules.JoinTerms(entry.En),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = IsNew ? Input.Id?.Trim() ?? "" : Id!;
        var draft = new GlossaryConcept(id, string.IsNullOrWhiteSpace(Input.Sector) ? null : Input.Sector.Trim(),
            GlossaryRules.SplitTerms(Input.Zh), GlossaryRules.SplitTerms(Input.Ru), GlossaryRules.SplitTerms(Input.En));
        var expected = IsNew ? (DateTimeOffset?)null : new DateTimeOffset(Input.Version, TimeSpan.Zero);
        var problems = await admin.SaveAsync(draft, Id, expected, Actor, ct);
        if (problems.Count > 0)
        {
            // The page shows what was typed (Input is bound), with each problem in the page's language.
            ModelState.AddFieldErrors("Input", problems.Select(p => (p.Field, ProblemText(p))));
            return Page();
        }
        dispatcher.Wake(); // the rebuild starts now rather than at the next poll
        Message = IsNew ? "Glossary.Added" : "Glossary.Saved";
        MessageId = id;
        return Redirect(Href($"admin/glossary?q={Uri.EscapeDataString(id)}"));
    }

    private string ProblemText(GlossaryProblem p)
    {
        // "At least one term" names its field, whose label is itself an interface string.
        object[] args = p.Code == "TermsRequired" ? [l[$"Glossary.{p.Field}"].Value] : [.. p.Args];
        return l[$"Glossary.Error.{p.Code}", args].Value;
    }
}
