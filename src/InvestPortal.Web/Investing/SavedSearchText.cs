using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Investing;

/// <summary>The words of the saved-search page: what a search looks for, and what is wrong with a name or frequency.</summary>
public sealed class SavedSearchText(PortalTaxonomy taxonomy, IStringLocalizer<SharedResource> l)
{
    /// <summary>What a saved search looks for, in the reader's language: its words and its filters' labels.</summary>
    public string Describe(SavedSearch search, string culture)
    {
        if (SavedSearches.Query(search) is not { } q) return "";
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Text)) parts.Add($"«{q.Text}»");
        parts.AddRange(q.Sectors.Select(c => taxonomy.LabelOf(TaxonomyKind.Sector, c, culture) ?? c));
        parts.AddRange(q.Locations.Select(c => taxonomy.LabelOf(TaxonomyKind.Location, c, culture) ?? c));
        parts.AddRange(q.PartnerRegions.Select(c => taxonomy.LabelOf(TaxonomyKind.PartnerRegion, c, culture) ?? c));
        parts.AddRange(q.Modes.Select(c => taxonomy.LabelOf(TaxonomyKind.Mode, c, culture) ?? c));
        parts.AddRange(q.Stages.Select(c => taxonomy.LabelOf(TaxonomyKind.Stage, c, culture) ?? c));
        if (q.MinAmount.HasValue || q.MaxAmount.HasValue)
            parts.Add($"{q.MinAmount?.ToString("N0", Formatting.CultureInfoFor(culture)) ?? "0"} – {q.MaxAmount?.ToString("N0", Formatting.CultureInfoFor(culture)) ?? "∞"} {q.Currency}");
        return parts.Count == 0 ? l["Alerts.Everything"] : string.Join(" · ", parts);
    }

    /// <summary>The problems of a name and a frequency as (field, message) for <see cref="FieldErrors.AddFieldErrors"/>.</summary>
    public IEnumerable<(string Field, string Message)> Errors(string? name, AlertFrequency? frequency)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return ("Name", l["Validation.Required", l["Alerts.Name"]]);
        else if (name.Trim().Length > SavedSearches.NameMax) yield return ("Name", l["Validation.Length", l["Alerts.Name"], SavedSearches.NameMax]);
        if (frequency is not { } f || !Enum.IsDefined(f)) yield return ("Frequency", l["Validation.Choice"]);
    }

    /// <summary>The error a create gets when the user already has <see cref="SavedSearches.MaxPerUser"/> searches.</summary>
    public (string Field, string Message) TooMany => ("Name", l["Alerts.Error.TooMany", SavedSearches.MaxPerUser]);
}
