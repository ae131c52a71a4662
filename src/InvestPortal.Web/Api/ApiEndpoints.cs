using InvestPortal.Core.Geography;
using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace InvestPortal.Web.Api;

/// <summary>The read-only, versioned JSON API: published data only, no login.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireRateLimiting(RateLimits.Api)
            .AddEndpointFilter<Infrastructure.SearchUnavailableEndpointFilter>();

        api.MapGet("/taxonomy", (PortalTaxonomy taxonomy) => Results.Ok(
            PortalTaxonomy.Groups.ToDictionary(g => g, g => taxonomy.Group(g).Select(ApiTaxonomyTerm.From).ToList())))
            .Produces<Dictionary<string, List<ApiTaxonomyTerm>>>().Documented("GetTaxonomy");

        api.MapGet("/opportunities", SearchOpportunitiesAsync)
            .Produces<ApiPage<ApiOpportunityItem>>().Documented("SearchOpportunities");

        api.MapGet("/opportunities/{idOrRef}", async (string idOrRef, HttpContext context, OpportunityReader reader, CancellationToken ct) =>
            await reader.ByIdOrRefAsync(idOrRef, ct) is { } o
                ? Results.Ok(ApiOpportunityDetail.From(o))
                : ApiProblems.For(context, StatusCodes.Status404NotFound, "Api.Error.OpportunityNotFound"))
            .Produces<ApiOpportunityDetail>().Documented("GetOpportunity");

        // The machine-readable description (README "Public API"); /{c}/api renders it for people.
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }

    /// <summary>Names the endpoint after its operation and declares every problem status it can answer with (ApiDocumentation).</summary>
    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, string operationId)
    {
        endpoint.WithName(operationId);
        foreach (var status in ApiDocumentation.Operations.Single(o => o.Id == operationId).Statuses.Where(s => s >= 400))
            endpoint.ProducesProblem(status);
        return endpoint;
    }

    /// <summary>
    /// DOMAIN.md parameters: q, sector, location, mode, stage, minAmount, maxAmount, currency, lang, page, pageSize
    /// (partnerRegion and sort as on the search page). Same semantics as the HTML search page.
    /// </summary>
    /// <remarks>
    /// Numbers arrive as text and are parsed here: a value that is not a number is a 400 problem naming the
    /// parameter, in the caller's language (the framework's binding failure would be an empty 400).
    /// </remarks>
    private static async Task<IResult> SearchOpportunitiesAsync(
        HttpContext context, OpportunitySearch search, PortalTaxonomy taxonomy, BorderCrossings crossings,
        string? q, string? lang, string? page, string? pageSize, string? minAmount, string? maxAmount, string? currency, string? sort,
        string? withinKm, CancellationToken ct)
    {
        var request = context.Request;
        if (!TryWhole(page, out var pageNumber)) return NotANumber(context, nameof(page), whole: true);
        if (!TryWhole(pageSize, out var size)) return NotANumber(context, nameof(pageSize), whole: true);
        if (!TryAmount(minAmount, out var min)) return NotANumber(context, nameof(minAmount), whole: false);
        if (!TryAmount(maxAmount, out var max)) return NotANumber(context, nameof(maxAmount), whole: false);
        if (!TryWhole(withinKm, out var within)) return NotANumber(context, nameof(withinKm), whole: true);
        // Only the offered bands filter; a script asking for another radius is told so rather than given everything.
        if (within is { } km && !BorderCrossings.DistanceBands.Contains(km))
            return ApiProblems.For(context, StatusCodes.Status400BadRequest, "Api.Error.UnknownDistance", nameof(withinKm),
                string.Join(", ", BorderCrossings.DistanceBands));
        var language = Cultures.IsSupported(lang) ? lang! : Cultures.En;
        // A script deserves to hear that its filter was refused, not to get every listing as if there were none.
        foreach (var (name, value) in new[] { (nameof(minAmount), min), (nameof(maxAmount), max) })
            if (value is { } amount && MoneyRule.Check(amount, allowZero: true) is var problem and not MoneyProblem.None)
                return problem == MoneyProblem.TooPrecise
                    ? ApiProblems.For(context, StatusCodes.Status400BadRequest, "Api.Error.AmountTooPrecise", name, MoneyRule.MaxScale)
                    : ApiProblems.For(context, StatusCodes.Status400BadRequest, "Api.Error.AmountOutOfRange", name);
        if (currency is not null && !MoneyRule.IsCurrency(currency.ToUpperInvariant()))
            return ApiProblems.For(context, StatusCodes.Status400BadRequest, "Api.Error.UnknownCurrency", nameof(currency), string.Join(", ", MoneyRule.Currencies));
        var form = new OpportunitySearchForm
        {
            Q = q, Min = min, Max = max, Currency = currency, Sort = sort, Page = pageNumber ?? 1,
            Sector = request.Query["sector"].OfType<string>().ToArray(),
            Location = request.Query["location"].OfType<string>().ToArray(),
            Partner = request.Query["partnerRegion"].OfType<string>().ToArray(),
            Mode = request.Query["mode"].OfType<string>().ToArray(),
            Stage = request.Query["stage"].OfType<string>().ToArray(),
            Within = within,
            Crossing = request.Query["crossing"].OfType<string>().ToArray(),
        }.Normalize(taxonomy, crossings);
        var pageLength = Math.Clamp(size ?? OpportunityQuery.DefaultPageSize, 1, OpportunityQuery.MaxPageSize);
        var result = await search.SearchAsync(form.ToQuery(language, pageLength), ct);
        return Results.Ok(new ApiPage<ApiOpportunityItem>(result.Total, form.Page, pageLength,
            result.Hits.Select(h => ApiOpportunityItem.From(h.Opportunity, language, h.Score, h.Highlights.Select(x => x.Html).ToList())).ToList(),
            result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, long>)f.Value.ToDictionary(c => c.Key, c => (long)c.Value))));
    }

    private static bool TryWhole(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    private static bool TryAmount(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    private static IResult NotANumber(HttpContext context, string parameter, bool whole) =>
        ApiProblems.For(context, StatusCodes.Status400BadRequest, whole ? "Api.Error.NotAWholeNumber" : "Api.Error.NotANumber", parameter);
}
