using InvestPortal.Core.Search;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InvestPortal.Web.Infrastructure;

/// <summary>
/// The one place a page handles <see cref="SearchUnavailableException"/>: the error is logged, the page
/// (an <see cref="ISearchPage"/>) is marked unavailable and rendered with what its handler had set before the search.
/// </summary>
public sealed class SearchUnavailablePageFilter(ILogger<SearchUnavailablePageFilter> log) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not SearchUnavailableException ex || executed.ExceptionHandled) return;
        if (executed.HandlerInstance is not (PageModel page and ISearchPage searchPage)) return;
        log.LogError(ex, "Search engine unavailable on {Page}", context.ActionDescriptor.RelativePath);
        searchPage.Unavailable = true;
        context.HttpContext.Response.StatusCode = searchPage.StatusWhenUnavailable;
        executed.Result = page.Page();
        executed.ExceptionHandled = true;
    }
}
