using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Administration;
using InvestPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Pages.Admin;

/// <summary>
/// Admins reword the zh/ru/en label of any sector, location, region, mode or stage code. A blank field goes back to
/// the label of taxonomy.json. The change shows on every page at once and re-indexes search.
/// </summary>
public sealed class TaxonomyModel(TaxonomyLabelAdmin admin, PortalTaxonomy taxonomy, IStringLocalizer<SharedResource> l) : PortalPageModel
{
    public sealed record Row(TaxonomyTerm Term, IReadOnlyDictionary<string, string?> FileLabels, IReadOnlyDictionary<string, string?> Overrides);

    public static IReadOnlyList<string> Kinds => [.. PortalTaxonomy.KindGroups.Keys];
    public string Kind { get; private set; } = "sector";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageCode { get; set; }
    public string? ErrorCode { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();

    public async Task OnGetAsync([FromQuery] string? kind, CancellationToken ct) => await LoadAsync(kind, ct);

    public async Task<IActionResult> OnPostAsync(string? kind, string? code, string? zh, string? ru, string? en, CancellationToken ct)
    {
        var labels = new Dictionary<string, string?> { [Cultures.Zh] = zh, [Cultures.Ru] = ru, [Cultures.En] = en };
        if (labels.Values.Any(v => v?.Trim().Length > TaxonomyLabelAdmin.MaxLabel))
        {
            (ErrorCode, Posted) = (code, labels);
            Error = l["Validation.Length", l["AdminTaxonomy.Label"], TaxonomyLabelAdmin.MaxLabel];
            await LoadAsync(kind, ct);
            return Page();
        }
        var ok = await admin.SaveAsync(kind ?? "", code ?? "", labels, Actor, ct);
        if (!ok) return NotFound();
        (Message, MessageCode) = ("AdminTaxonomy.Saved", code);
        return Redirect(Href("admin/taxonomy") + "?kind=" + Uri.EscapeDataString(kind!) + "#term-" + Uri.EscapeDataString(code!));
    }

    private async Task LoadAsync(string? kind, CancellationToken ct)
    {
        Kind = kind is not null && PortalTaxonomy.KindGroups.ContainsKey(kind) ? kind : "sector";
        var group = PortalTaxonomy.KindGroups[Kind];
        var overrides = (await admin.OverridesAsync(Kind, ct)).GroupBy(o => o.Code)
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.Culture, o => (string?)o.Label));
        Rows = taxonomy.Group(group).Select(t => new Row(t,
            Cultures.All.ToDictionary(c => c, c => taxonomy.FileLabel(group, t.Code, c)),
            Cultures.All.ToDictionary(c => c, c => overrides.GetValueOrDefault(t.Code)?.GetValueOrDefault(c)))).ToList();
    }
}
