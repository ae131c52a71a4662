using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Discovery;

/// <summary>A listing's straight-line distances to the border crossings, for its page (the index holds the same, see SearchDocumentBuilder).</summary>
public sealed class BorderDistances(BorderCrossings crossings, PortalTaxonomy taxonomy)
{
    /// <summary>How many crossings a listing page shows.</summary>
    public const int Shown = 3;

    public ListingCrossings For(Opportunity o, int count = Shown)
    {
        var position = ListingPosition.Of(o, taxonomy);
        return new ListingCrossings(position, ListingPosition.IsOwn(o), position is { } at ? crossings.Nearest(at, count) : []);
    }

    /// <summary>"3.6" under 10 km, "39" above: a straight line is no more exact than that.</summary>
    public static string Kilometres(double km, string culture) =>
        km.ToString(km < 10 ? "N1" : "N0", Infrastructure.Formatting.CultureInfoFor(culture));
}
