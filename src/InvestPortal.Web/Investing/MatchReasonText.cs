using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Search;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Investing;

/// <summary>Turns the engine's structured reasons ("sector:forestry-timber") into a sentence in the reader's language.</summary>
public sealed class MatchReasonText(IStringLocalizer<SharedResource> l, PortalTaxonomy taxonomy, GlossaryStore glossary)
{
    public string Describe(MatchReason reason, string culture) => reason.Kind switch
    {
        MatchReasonKinds.Sector => l["Match.Sector", taxonomy.LabelOf(TaxonomyKind.Sector, reason.Code, culture) ?? reason.Code ?? ""],
        MatchReasonKinds.Location => l["Match.Location", taxonomy.LabelOf(TaxonomyKind.Location, reason.Code, culture) ?? reason.Code ?? ""],
        MatchReasonKinds.PartnerRegion => l["Match.PartnerRegion", taxonomy.LabelOf(TaxonomyKind.PartnerRegion, reason.Code, culture) ?? reason.Code ?? ""],
        MatchReasonKinds.Mode => l["Match.Mode", taxonomy.LabelOf(TaxonomyKind.Mode, reason.Code, culture) ?? reason.Code ?? ""],
        MatchReasonKinds.TicketFits => l["Match.TicketFits"],
        MatchReasonKinds.Concept => l["Match.Concept", ConceptLabel(reason.Code, culture)],
        _ => reason.ToString(),
    };

    private string ConceptLabel(string? id, string culture) =>
        id is null ? "" : glossary.Current.Find(id)?.Terms(culture) is { Count: > 0 } terms ? terms[0] : id;

    /// <summary>0.8734 → "87 %" in the reader's number format.</summary>
    public static string Percent(double score, string culture) =>
        score.ToString("P0", Infrastructure.Formatting.CultureInfoFor(culture));
}
