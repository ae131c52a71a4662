using System.Net;
using System.Text.Json;
using InvestPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.IntegrationTests.Api;

public abstract class ApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Taxonomy_lists_every_code_with_three_labels()
    {
        var json = await GetJsonAsync("/api/v1/taxonomy");
        Assert.Equal(13, json.GetProperty("sectors").GetArrayLength());
        Assert.Equal(20, json.GetProperty("locations").GetArrayLength());
        Assert.Equal(7, json.GetProperty("partnerRegions").GetArrayLength());
        Assert.Equal(8, json.GetProperty("modes").GetArrayLength());
        Assert.Equal(5, json.GetProperty("stages").GetArrayLength());
        var suifenhe = json.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "231081");
        Assert.Equal("231000", suifenhe.GetProperty("parent").GetString());
        Assert.Equal("绥芬河市", suifenhe.GetProperty("labels").GetProperty("zh").GetString());
        Assert.Equal("Суйфэньхэ", suifenhe.GetProperty("labels").GetProperty("ru").GetString());
    }

    [Fact]
    public async Task Opportunities_are_paged_in_the_requested_language()
    {
        var published = await factory.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published));
        var page1 = await GetJsonAsync("/api/v1/opportunities?page=1&pageSize=10&lang=ru");
        Assert.Equal(published, page1.GetProperty("total").GetInt32());
        Assert.Equal(10, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(10, page1.GetProperty("pageSize").GetInt32());
        var first = page1.GetProperty("items")[0];
        Assert.StartsWith("/ru/opportunities/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("investment").GetProperty("total").GetDecimal() > 0);
        var page2 = await GetJsonAsync("/api/v1/opportunities?page=2&pageSize=10&lang=ru");
        Assert.NotEqual(first.GetProperty("id").GetString(), page2.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Oversized_page_size_is_capped()
    {
        var json = await GetJsonAsync("/api/v1/opportunities?pageSize=100000");
        Assert.Equal(100, json.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Opportunity_is_found_by_id_and_by_external_ref()
    {
        var (id, externalRef) = await factory.WithDbAsync(async db => await db.Opportunities
            .Where(o => o.Status == OpportunityStatus.Published).Select(o => new Tuple<Guid, string>(o.Id, o.ExternalRef)).FirstAsync());
        var byRef = await GetJsonAsync($"/api/v1/opportunities/{externalRef}");
        var byId = await GetJsonAsync($"/api/v1/opportunities/{id}");
        Assert.Equal(id.ToString(), byRef.GetProperty("id").GetString());
        Assert.Equal(externalRef, byId.GetProperty("externalRef").GetString());
        Assert.True(byId.GetProperty("title").EnumerateObject().Any());
        Assert.False(byId.TryGetProperty("contactEmail", out _), "contact details stay out of the public API");
    }
}

public sealed class ApiOnSqlite(SqlitePortalFactory factory) : ApiTests<SqlitePortalFactory>(factory);
public sealed class ApiOnPostgres(PostgresPortalFactory factory) : ApiTests<PostgresPortalFactory>(factory);
