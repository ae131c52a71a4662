using InvestPortal.Core.Search;
using InvestPortal.Web.Api;

namespace InvestPortal.Web.Infrastructure;

/// <summary>The API's counterpart of <see cref="SearchUnavailablePageFilter"/>: a localized 503 problem.</summary>
public sealed class SearchUnavailableEndpointFilter(ILogger<SearchUnavailableEndpointFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SearchUnavailableException ex)
        {
            log.LogError(ex, "Search engine unavailable on {Path}", context.HttpContext.Request.Path);
            return ApiProblems.For(context.HttpContext, StatusCodes.Status503ServiceUnavailable);
        }
    }
}
