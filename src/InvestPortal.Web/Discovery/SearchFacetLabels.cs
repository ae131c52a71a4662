using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Discovery;

/// <summary>What the search page shows for a facet value or an active filter: the term's label in the reader's language.</summary>
public sealed class SearchFacetLabels(PortalTaxonomy taxonomy, BorderCrossings crossings, IStringLocalizer<SharedResource> l)
{
    /// <summary>The label of <paramref name="code"/> in <paramref name="group"/>, or the code itself when it names nothing known.</summary>
    public string Label(string group, string code, string culture) => group switch
    {
        FacetGroups.Sector => taxonomy.LabelOf(TaxonomyKind.Sector, code, culture),
        FacetGroups.Location => taxonomy.LabelOf(TaxonomyKind.Location, code, culture),
        FacetGroups.Mode => taxonomy.LabelOf(TaxonomyKind.Mode, code, culture),
        FacetGroups.Stage => taxonomy.LabelOf(TaxonomyKind.Stage, code, culture),
        FacetGroups.PartnerRegion => taxonomy.LabelOf(TaxonomyKind.PartnerRegion, code, culture),
        FacetGroups.Crossing => crossings.Find(code)?.Name(culture),
        FacetGroups.CrossingDistance => l["Search.WithinKm", code].Value,
        _ => null,
    } ?? code;

    /// <summary>Facet group → the query-string key its filter uses.</summary>
    public static string ParameterOf(string group) => group switch
    {
        FacetGroups.PartnerRegion => "partner",
        FacetGroups.CrossingDistance => "within",
        _ => group,
    };
}
