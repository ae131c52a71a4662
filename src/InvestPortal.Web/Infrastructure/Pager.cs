using Microsoft.AspNetCore.WebUtilities;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Page links that keep every other query parameter, so filtered lists page correctly.</summary>
public sealed record Pager(int Page, int PageSize, long Total, HttpRequest Request)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int page)
    {
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value)
            .Where(kv => kv.Key != "page")
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .ToList();
        if (page > 1) query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Request.Path, query);
    }
}
