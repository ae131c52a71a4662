using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Api;

/// <summary>The read-only, versioned JSON API: published data only, no login.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/taxonomy", (PortalTaxonomy taxonomy) => Results.Ok(
            PortalTaxonomy.Groups.ToDictionary(g => g, g => taxonomy.Group(g).Select(ApiTaxonomyTerm.From).ToList())));

        api.MapGet("/opportunities", SearchOpportunitiesAsync);

        api.MapGet("/opportunities/{idOrRef}", async (string idOrRef, OpportunityReader reader, CancellationToken ct) =>
            await reader.ByIdOrRefAsync(idOrRef, ct) is { } o
                ? Results.Ok(ApiOpportunityDetail.From(o))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "No published opportunity has this id or external reference."));

        return endpoints;
    }

    /// <summary>
    /// DOMAIN.md parameters: q, sector, location, mode, stage, minAmount, maxAmount, currency, lang, page, pageSize
    /// (partnerRegion and sort as on the search page). Same semantics as the HTML search page.
    /// </summary>
    private static async Task<IResult> SearchOpportunitiesAsync(
        HttpRequest request, OpportunitySearch search, PortalTaxonomy taxonomy,
        string? q, string? lang, int? page, int? pageSize, decimal? minAmount, decimal? maxAmount, string? currency, string? sort,
        CancellationToken ct)
    {
        var language = Cultures.IsSupported(lang) ? lang! : Cultures.En;
        // A script deserves to hear that its filter was refused, not to get every listing as if there were none.
        foreach (var (name, value) in new[] { ("minAmount", minAmount), ("maxAmount", maxAmount) })
            if (value is { } amount && MoneyRule.Check(amount, allowZero: true) is var problem and not MoneyProblem.None)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad amount filter",
                    detail: $"{name} {MoneyRule.Describe(problem, allowZero: true)}");
        if (currency is not null && !MoneyRule.IsCurrency(currency.ToUpperInvariant()))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad currency",
                detail: $"currency must be one of {string.Join(", ", MoneyRule.Currencies)}.");
        var form = new OpportunitySearchForm
        {
            Q = q, Min = minAmount, Max = maxAmount, Currency = currency, Sort = sort, Page = page ?? 1,
            Sector = request.Query["sector"].OfType<string>().ToArray(),
            Location = request.Query["location"].OfType<string>().ToArray(),
            Partner = request.Query["partnerRegion"].OfType<string>().ToArray(),
            Mode = request.Query["mode"].OfType<string>().ToArray(),
            Stage = request.Query["stage"].OfType<string>().ToArray(),
        }.Normalize(taxonomy);
        var size = Math.Clamp(pageSize ?? OpportunityQuery.DefaultPageSize, 1, OpportunityQuery.MaxPageSize);
        try
        {
            var result = await search.SearchAsync(form.ToQuery(language, size), ct);
            return Results.Ok(new ApiPage<ApiOpportunityItem>(result.Total, form.Page, size,
                result.Hits.Select(h => ApiOpportunityItem.From(h.Opportunity, language, h.Score, h.Highlights.Select(x => x.Html).ToList())).ToList(),
                result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, long>)f.Value.ToDictionary(c => c.Key, c => (long)c.Value))));
        }
        catch (SearchUnavailableException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search unavailable",
                detail: "The search engine cannot answer right now; try again shortly.");
        }
    }
}
