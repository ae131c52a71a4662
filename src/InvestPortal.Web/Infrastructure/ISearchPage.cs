namespace InvestPortal.Web.Infrastructure;

/// <summary>
/// A page whose answer comes from the search engine. When the engine cannot answer, <see cref="SearchUnavailablePageFilter"/>
/// sets <see cref="Unavailable"/> and renders the page as far as it got, which shows the localized notice (_SearchUnavailable).
/// </summary>
public interface ISearchPage
{
    bool Unavailable { get; set; }

    /// <summary>503 by default, so caches and monitors see a search page that could not search.</summary>
    int StatusWhenUnavailable => StatusCodes.Status503ServiceUnavailable;
}
