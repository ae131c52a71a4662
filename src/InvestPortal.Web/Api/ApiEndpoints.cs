using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Web.Pages.Opportunities;
using InvestPortal.Web.Security;

namespace InvestPortal.Web.Api;

/// <summary>The read-only, versioned JSON API: published data only, no login.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/taxonomy", (PortalTaxonomy taxonomy) => Results.Ok(
            PortalTaxonomy.Groups.ToDictionary(g => g, g => taxonomy.Group(g).Select(ApiTaxonomyTerm.From).ToList())));

        api.MapGet("/opportunities", async (OpportunityReader reader, int? page, int? pageSize, string? lang, CancellationToken ct) =>
        {
            var language = Cultures.IsSupported(lang) ? lang! : Cultures.En;
            var size = Math.Clamp(pageSize ?? 20, 1, OpportunityReader.MaxPageSize);
            var number = Math.Max(1, page ?? 1);
            var (items, total) = await reader.PageAsync(number, size, ct);
            return Results.Ok(new ApiPage<ApiOpportunityItem>(total, number, size,
                items.Select(o => ApiOpportunityItem.From(o, language)).ToList(),
                new Dictionary<string, IReadOnlyDictionary<string, long>>()));
        });

        api.MapGet("/opportunities/{idOrRef}", async (string idOrRef, OpportunityReader reader, CancellationToken ct) =>
            await reader.ByIdOrRefAsync(idOrRef, ct) is { } o
                ? Results.Ok(ApiOpportunityDetail.From(o))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "No published opportunity has this id or external reference."));

        return endpoints;
    }
}
