using System.Net;

namespace InvestPortal.BrowserTests.PageChecks;

/// <summary>
/// What the page checks share within one test run: the catalogue of pages and the signed-in
/// investor's cookies. Built once (the browser fixture lives for the whole run).
/// </summary>
public static class PageCheckRun
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (BrowserFixture Fixture, IReadOnlyList<CheckedPage> Pages, CookieCollection Cookies)? _state;

    public static async Task<(IReadOnlyList<CheckedPage> Pages, CookieCollection Cookies)> GetAsync(BrowserFixture fixture)
    {
        await Gate.WaitAsync();
        try
        {
            if (_state is { } s && ReferenceEquals(s.Fixture, fixture)) return (s.Pages, s.Cookies);
            var pages = await PageCatalog.AllAsync(fixture);
            var (http, cookies) = await PageCatalog.SignedInClientAsync(fixture.BaseUrl);
            http.Dispose();
            _state = (fixture, pages, cookies);
            return (pages, cookies);
        }
        finally { Gate.Release(); }
    }

    public static async Task<CheckedPage> PageAsync(BrowserFixture fixture, string culture, string kind) =>
        (await GetAsync(fixture)).Pages.Single(p => p.Culture == culture && p.Kind == kind);
}
