using Microsoft.AspNetCore.WebUtilities;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Query strings for filter links that work without JavaScript: each link is the current search with one code toggled.</summary>
public static class FilterLinks
{
    /// <summary>The search's parameters with <paramref name="code"/> added to or removed from <paramref name="group"/>, back on page 1.</summary>
    public static string Toggle(IEnumerable<KeyValuePair<string, string?>> current, string group, string code)
    {
        var pairs = current.Where(p => p.Key != "page").ToList();
        var existing = pairs.FindIndex(p => p.Key == group && p.Value == code);
        if (existing >= 0) pairs.RemoveAt(existing);
        else pairs.Add(new(group, code));
        return QueryHelpers.AddQueryString("", pairs);
    }

    public static bool Has(IEnumerable<KeyValuePair<string, string?>> current, string group, string code) =>
        current.Any(p => p.Key == group && p.Value == code);
}
