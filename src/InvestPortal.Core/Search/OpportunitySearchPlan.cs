using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Core.Search;

/// <summary>A resolved <see cref="OpportunityQuery"/>. Amounts in CNY; Locations already include children.</summary>
public sealed record OpportunitySearchPlan(
    string? Text, IReadOnlyList<string> Concepts,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations, IReadOnlyList<string> PartnerRegions,
    IReadOnlyList<string> Modes, IReadOnlyList<string> Stages,
    decimal? MinAmountCny, decimal? MaxAmountCny,
    IReadOnlyList<string> Facets, SearchSort Sort, int Page, int PageSize, string Culture)
{
    public bool HasText => Text is not null;
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The filter part of the query (no text) on one document: what percolation checks before the text.</summary>
    public bool FiltersMatch(OpportunityDocument d) =>
        (Sectors.Count == 0 || Sectors.Contains(d.Sector))
        && (Locations.Count == 0 || Locations.Contains(d.Location))
        && (PartnerRegions.Count == 0 || (d.PartnerRegion is not null && PartnerRegions.Contains(d.PartnerRegion)))
        && (Modes.Count == 0 || d.Modes.Any(Modes.Contains))
        && (Stages.Count == 0 || (d.Stage is not null && Stages.Contains(d.Stage)))
        && (MinAmountCny is null || d.AmountCny >= MinAmountCny)
        && (MaxAmountCny is null || d.AmountCny <= MaxAmountCny);
}
