using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Core.Search;

/// <summary>A resolved <see cref="InvestorQuery"/>: Locations include children and match a profile's LocationScope.</summary>
public sealed record InvestorSearchPlan(
    string? Text, IReadOnlyList<string> Concepts,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Locations, IReadOnlyList<string> Kinds, IReadOnlyList<string> Countries,
    IReadOnlyList<string> Facets, SearchSort Sort, int Page, int PageSize, string Culture)
{
    public bool HasText => Text is not null;
    public int Skip => (Page - 1) * PageSize;

    public bool FiltersMatch(InvestorDocument d) =>
        (Sectors.Count == 0 || d.Sectors.Any(Sectors.Contains))
        && (Locations.Count == 0 || d.LocationScope.Any(Locations.Contains))
        && (Kinds.Count == 0 || Kinds.Contains(d.Kind))
        && (Countries.Count == 0 || Countries.Contains(d.Country));
}
