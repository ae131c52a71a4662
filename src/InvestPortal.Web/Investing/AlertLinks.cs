using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace InvestPortal.Web.Investing;

/// <summary>A stored query back as the search page's URL (relative to /{culture}/), to run a saved search again.</summary>
public static class AlertLinks
{
    /// <summary>The search a saved search runs, as a path in the reader's language ("opportunities?sector=…").</summary>
    public static string RunPath(SavedSearch search) => SavedSearches.Query(search) is { } q ? SearchPath(q) : "opportunities";

    public static string SearchPath(OpportunityQuery q)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(q.Text)) pairs.Add(new("q", q.Text));
        pairs.AddRange(q.Sectors.Select(c => new KeyValuePair<string, string?>("sector", c)));
        pairs.AddRange(q.Locations.Select(c => new KeyValuePair<string, string?>("location", c)));
        pairs.AddRange(q.PartnerRegions.Select(c => new KeyValuePair<string, string?>("partner", c)));
        pairs.AddRange(q.Modes.Select(c => new KeyValuePair<string, string?>("mode", c)));
        pairs.AddRange(q.Stages.Select(c => new KeyValuePair<string, string?>("stage", c)));
        if (q.MinAmount is { } min) pairs.Add(new("min", min.ToString(CultureInfo.InvariantCulture)));
        if (q.MaxAmount is { } max) pairs.Add(new("max", max.ToString(CultureInfo.InvariantCulture)));
        if (q.MinAmount.HasValue || q.MaxAmount.HasValue) pairs.Add(new("currency", q.Currency));
        return QueryHelpers.AddQueryString("opportunities", pairs);
    }
}
