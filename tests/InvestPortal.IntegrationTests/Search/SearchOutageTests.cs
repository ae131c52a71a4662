using System.Net;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InvestPortal.IntegrationTests.Search;

/// <summary>
/// When the search engine cannot answer, a search page still renders (its form, in the reader's language) with the
/// localized "search unavailable" notice, and the API answers a 503 problem: one filter does it for every page.
/// </summary>
public sealed class SearchOutageTests(SearchOutageFactory factory) : IClassFixture<SearchOutageFactory>
{
    [Fact]
    public async Task The_investor_directory_says_search_is_unavailable_and_keeps_its_form()
    {
        using var client = factory.CreateBrowserlikeClient();
        factory.Outage.Down = true;
        try
        {
            var doc = await client.GetDocumentAsync("/ru/investors?q=лес", HttpStatusCode.ServiceUnavailable);
            Assert.Contains("Поиск временно недоступен", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("input[name=q]"));
        }
        finally { factory.Outage.Down = false; }
    }

    [Fact]
    public async Task An_investor_with_a_profile_sees_the_notice_instead_of_matches()
    {
        var (client, user) = await factory.SignedInAsync(Roles.Investor);
        await factory.WithDbAsync(async db =>
        {
            var profile = db.InvestorProfiles.Where(p => p.UserId == null).OrderBy(p => p.ExternalRef).First();
            profile.UserId = user.Id;
            return await db.SaveChangesAsync();
        });
        factory.Outage.Down = true;
        try
        {
            var doc = await client.GetDocumentAsync("/en/my/matches");
            Assert.Contains("Search is unavailable", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(doc.QuerySelectorAll(".match-list > li"));
        }
        finally { factory.Outage.Down = false; }
    }

    [Fact]
    public async Task The_API_answers_a_503_problem()
    {
        using var client = factory.CreateClient();
        factory.Outage.Down = true;
        try
        {
            using var response = await client.GetAsync("/api/v1/opportunities?q=timber");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally { factory.Outage.Down = false; }
    }
}

/// <summary>Switches searching and matching off and on; indexing keeps working so the portal starts normally.</summary>
public sealed class SearchOutage
{
    private volatile bool _down;
    public bool Down { get => _down; set => _down = value; }
}

public sealed class SearchOutageFactory : PortalFactory
{
    public SearchOutage Outage { get; } = new();
    public override string Provider => "Sqlite";
    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() => [new("Database:Provider", "Sqlite")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            var original = s.Last(d => d.ServiceType == typeof(ISearchEngine));
            s.Remove(original);
            s.AddSingleton<ISearchEngine>(sp => new OutageSearchEngine((ISearchEngine)original.ImplementationFactory!(sp), Outage));
        });
    }
}

/// <summary>The real engine, except that searches and matches throw <see cref="SearchUnavailableException"/> while the outage lasts.</summary>
internal sealed class OutageSearchEngine(ISearchEngine inner, SearchOutage outage) : ISearchEngine, IDisposable
{
    public string Name => inner.Name;
    private void Check() { if (outage.Down) throw new SearchUnavailableException("Test outage"); }
    public Task IndexOpportunitiesAsync(IReadOnlyCollection<OpportunityDocument> documents, CancellationToken ct = default) => inner.IndexOpportunitiesAsync(documents, ct);
    public Task DeleteOpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteOpportunitiesAsync(ids, ct);
    public Task IndexInvestorsAsync(IReadOnlyCollection<InvestorDocument> documents, CancellationToken ct = default) => inner.IndexInvestorsAsync(documents, ct);
    public Task DeleteInvestorsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => inner.DeleteInvestorsAsync(ids, ct);
    public Task<SearchResult> SearchOpportunitiesAsync(OpportunityQuery query, CancellationToken ct = default) { Check(); return inner.SearchOpportunitiesAsync(query, ct); }
    public Task<SearchResult> SearchInvestorsAsync(InvestorQuery query, CancellationToken ct = default) { Check(); return inner.SearchInvestorsAsync(query, ct); }
    public Task<IReadOnlyList<MatchResult>> MatchOpportunitiesForInvestorAsync(InvestorDocument investor, int top = 10, CancellationToken ct = default) { Check(); return inner.MatchOpportunitiesForInvestorAsync(investor, top, ct); }
    public Task<IReadOnlyList<MatchResult>> MatchInvestorsForOpportunityAsync(OpportunityDocument opportunity, int top = 10, CancellationToken ct = default) { Check(); return inner.MatchInvestorsForOpportunityAsync(opportunity, top, ct); }
    public Task StoreSavedSearchAsync(Guid id, OpportunityQuery query, CancellationToken ct = default) => inner.StoreSavedSearchAsync(id, query, ct);
    public Task DeleteSavedSearchAsync(Guid id, CancellationToken ct = default) => inner.DeleteSavedSearchAsync(id, ct);
    public Task<IReadOnlyList<Guid>> PercolateAsync(OpportunityDocument document, CancellationToken ct = default) => inner.PercolateAsync(document, ct);
    public Task<ISearchRebuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
    public Task<SearchHealth> GetHealthAsync(CancellationToken ct = default) => inner.GetHealthAsync(ct);
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
