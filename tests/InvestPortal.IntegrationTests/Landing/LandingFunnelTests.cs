using System.Text.Json;
using InvestPortal.Web.Landing;

namespace InvestPortal.IntegrationTests.Landing;

public abstract class LandingFunnelTests<TFactory>(FunnelFixture<TFactory> fixture) : IClassFixture<FunnelFixture<TFactory>>
    where TFactory : PortalFactory, new()
{
    private PortalFactory Factory => fixture.Factory;

    private Task<FunnelReport> ReportAsync() => Factory.WithScopeAsync(sp => sp.GetRequiredService<LandingFunnel>().ReportAsync());

    [Fact]
    public async Task The_funnel_counts_match_the_fixture_counted_by_hand()
    {
        var report = await ReportAsync();

        // Everything published (L1–L5; the draft L6 and its interest do not count).
        Assert.Equal(new FunnelRow("all", 5, 10, 3, 1, 5.0, 8, true), report.Total);
        // Heihe includes its county-level city Wudalianchi; Daqing is demo.
        Assert.Equal(["231100", "230600"], report.Cities.Select(c => c.Key));
        Assert.Equal(new FunnelRow("231100", 2, 5, 2, 1, 3.0, 4, false), report.Cities[0]);
        Assert.Equal(new FunnelRow("230600", 1, 3, 1, 0, 12.0, 3, true), report.Cities[1]);
        Assert.Equal(0.4, report.Cities[0].DiscussionRate!.Value, 6);
        Assert.Equal(0.5, report.Cities[0].LandedRate!.Value, 6);
        Assert.Equal(new FunnelRow("agri-food", 2, 5, 2, 1, 3.0, 4, false), Assert.Single(report.Sectors, s => s.Key == "agri-food"));
        Assert.Equal(new FunnelRow("energy", 3, 5, 1, 0, 11.0, 4, true), Assert.Single(report.Sectors, s => s.Key == "energy"));
        var month = Assert.Single(report.Months, m => m.Month == fixture.Month);
        Assert.Equal(new FunnelRow(fixture.Month, 5, 10, 3, 1, 5.0, 8, true), month.Row);
    }

    [Fact]
    public async Task A_city_or_month_with_fewer_than_three_interests_is_left_out_and_only_counted()
    {
        var report = await ReportAsync();
        Assert.DoesNotContain(report.Cities, c => c.Key is "230100" or "230300");
        Assert.Equal(2, report.HiddenCities);
        Assert.Equal(3, report.MinGroupInterests);
        Assert.All(report.Months.Where(m => m.Month != fixture.Month), m => Assert.Null(m.Row));

        var page = await Factory.CreateClient().GetDocumentAsync("/en/landing");
        var cityRows = page.QuerySelectorAll("#cities-heading ~ .funnel-layout tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(cityRows, r => r.StartsWith("Heihe", StringComparison.Ordinal));
        Assert.DoesNotContain(cityRows, r => r.Contains("Harbin", StringComparison.Ordinal) || r.Contains("Jixi", StringComparison.Ordinal));
        Assert.Contains("2 more groups with fewer than 3 interests are not shown.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var csv = await Factory.CreateClient().GetStringAsync("/en/landing/funnel.csv");
        Assert.DoesNotContain(",230100,", csv, StringComparison.Ordinal);
        Assert.Contains("city,231100,Heihe,2,5,2,1,0.4,0.5,3,4,false\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_with_demo_listings_are_marked_as_demo_on_the_page_and_in_the_downloads()
    {
        var page = await Factory.CreateClient().GetDocumentAsync("/ru/landing");
        Assert.Contains("демонстрационные данные", page.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        var daqing = page.QuerySelectorAll("#cities-heading ~ .funnel-layout tbody th").Single(th => th.TextContent.Contains("Дацин", StringComparison.Ordinal));
        Assert.NotNull(daqing.QuerySelector(".badge"));
        var heihe = page.QuerySelectorAll("#cities-heading ~ .funnel-layout tbody th").Single(th => th.TextContent.Contains("Хэйхэ", StringComparison.Ordinal));
        Assert.Null(heihe.QuerySelector(".badge"));

        var csv = await Factory.CreateClient().GetStringAsync("/zh/landing/funnel.csv");
        Assert.Contains("city,230600,大庆市,1,3,1,0,0.3333,0,12,3,true\r\n", csv, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await Factory.CreateClient().GetStringAsync("/en/landing/funnel.json"));
        Assert.True(json.RootElement.GetProperty("includesDemo").GetBoolean());
        var cities = json.RootElement.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal([false, true], cities.Select(c => c.GetProperty("demo").GetBoolean()));
        Assert.Equal(2, json.RootElement.GetProperty("hiddenCities").GetInt32());
    }

    [Theory]
    [InlineData("zh", "招商落地漏斗")]
    [InlineData("ru", "От интереса к реализации")]
    [InlineData("en", "From interest to landing")]
    public async Task The_page_draws_each_chart_with_a_text_alternative_and_the_same_numbers_in_a_table(string culture, string title)
    {
        var page = await Factory.CreateClient().GetDocumentAsync($"/{culture}/landing");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(4, charts.Length);
        Assert.All(charts, svg =>
        {
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent));
        });
        // The stages table: 5 listings, 10 interests, 3 in discussion, 1 landed.
        var cells = page.QuerySelectorAll("#stages-heading ~ .funnel-layout tbody td").Select(td => td.TextContent.Trim()).Take(4);
        Assert.Equal(["5", "10", "3", "1"], cells);
    }
}

public sealed class LandingFunnelOnSqlite(FunnelFixture<SqlitePortalFactory> fixture) : LandingFunnelTests<SqlitePortalFactory>(fixture);
public sealed class LandingFunnelOnPostgres(FunnelFixture<PostgresPortalFactory> fixture) : LandingFunnelTests<PostgresPortalFactory>(fixture);
