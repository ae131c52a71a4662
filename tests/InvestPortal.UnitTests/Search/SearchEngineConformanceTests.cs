using InvestPortal.Core.Search;
using Xunit;
using static InvestPortal.UnitTests.Search.SearchTestData;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// What every <see cref="ISearchEngine"/> must do, stated once. Subclass it per engine (Lucene always; Elasticsearch when
/// INVESTPORTAL_ELASTICSEARCH_URL is set). Each test gets a fresh engine seeded with <see cref="SearchTestData"/>.
/// </summary>
public abstract class SearchEngineConformanceTests : IAsyncLifetime
{
    protected ISearchEngine Engine { get; private set; } = null!;
    protected SearchSemantics Semantics { get; } = SearchTestData.Semantics();
    protected SearchDocumentBuilder Builder { get; }

    protected SearchEngineConformanceTests() => Builder = new SearchDocumentBuilder(Semantics);

    /// <summary>A new, empty engine (its own index) using these semantics.</summary>
    protected abstract Task<ISearchEngine> CreateEngineAsync(SearchSemantics semantics);
    protected virtual Task DisposeEngineAsync(ISearchEngine engine) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Engine = await CreateEngineAsync(Semantics);
        await SeedAsync(Engine, Builder);
    }

    public Task DisposeAsync() => DisposeEngineAsync(Engine);

    private async Task<List<string>> Refs(OpportunityQuery q) =>
        [.. (await Engine.SearchOpportunitiesAsync(q with { PageSize = 100 })).Hits.Select(h => h.ExternalRef)];

    private static void SameSet(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    // ---------- filters ----------

    [Fact]
    public async Task Empty_query_returns_every_published_opportunity_and_nothing_else() =>
        SameSet(["TIMBER-ZH", "SOY-RU", "LOGI-EN", "SOLAR-ALL", "SAWMILL-RU"], await Refs(new OpportunityQuery()));

    [Fact]
    public async Task Sector_filter_alone() =>
        SameSet(["TIMBER-ZH", "SAWMILL-RU"], await Refs(new OpportunityQuery { Sectors = ["forestry-timber"] }));

    [Fact]
    public async Task Several_codes_in_one_filter_are_alternatives() =>
        SameSet(["TIMBER-ZH", "SAWMILL-RU", "SOLAR-ALL"], await Refs(new OpportunityQuery { Sectors = ["forestry-timber", "energy"] }));

    [Fact]
    public async Task Prefecture_filter_includes_its_county_level_cities()
    {
        SameSet(["SOY-RU", "LOGI-EN"], await Refs(new OpportunityQuery { Locations = ["231000"] }));
        SameSet(["SAWMILL-RU"], await Refs(new OpportunityQuery { Locations = ["232700"] }));
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { Locations = ["231081"] }));
    }

    [Fact]
    public async Task Partner_region_filter_alone() =>
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { PartnerRegions = ["RU-PRI"] }));

    [Fact]
    public async Task Mode_filter_alone() =>
        SameSet(["TIMBER-ZH", "SAWMILL-RU"], await Refs(new OpportunityQuery { Modes = ["joint-venture"] }));

    [Fact]
    public async Task Stage_filter_alone() =>
        SameSet(["LOGI-EN"], await Refs(new OpportunityQuery { Stages = ["construction"] }));

    [Fact]
    public async Task Amount_range_is_compared_in_one_currency()
    {
        // 50M..90M CNY = SOY (500M RUB), SOLAR (10M EUR), SAWMILL (900M RUB); LOGI is 20M USD = 140M CNY.
        SameSet(["SOY-RU", "SOLAR-ALL", "SAWMILL-RU"], await Refs(new OpportunityQuery { MinAmount = 50_000_000, MaxAmount = 90_000_000 }));
        SameSet(["SOY-RU", "SOLAR-ALL", "SAWMILL-RU"], await Refs(new OpportunityQuery { MinAmount = 500_000_000, MaxAmount = 900_000_000, Currency = "RUB" }));
        SameSet(["TIMBER-ZH", "LOGI-EN"], await Refs(new OpportunityQuery { MinAmount = 20_000_000, Currency = "USD" }));
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { MaxAmount = 6_250_000, Currency = "EUR" }));
    }

    [Fact]
    public async Task A_listing_exactly_at_a_bound_is_in_whatever_binary_error_the_bound_has()
    {
        // Fen values whose ×100 is not exact in binary (0.07·100 = 7.000000000000001, 0.57·100 = 56.99999999999999):
        // Elasticsearch's scaled_float applies gte as ceil and lte as floor of bound·100; Core and Lucene compare decimals.
        var template = Opportunities().Select(Builder.Build).OfType<OpportunityDocument>().First();
        decimal[] amounts = [0.07m, 0.57m, 1.13m, 4.35m, 1_000_000.07m, 123_456_789.57m];
        var edges = amounts.Select((a, i) => template with { Id = Guid.Parse($"e0000000-0000-0000-0000-{i:000000000000}"), ExternalRef = $"EDGE-{i}", AmountCny = a }).ToList();
        await Engine.IndexOpportunitiesAsync(edges);
        foreach (var edge in edges)
        {
            SameSet([edge.ExternalRef], await Refs(new OpportunityQuery { MinAmount = edge.AmountCny, MaxAmount = edge.AmountCny }));
            Assert.Contains(edge.ExternalRef, await Refs(new OpportunityQuery { MinAmount = edge.AmountCny }));
            Assert.Contains(edge.ExternalRef, await Refs(new OpportunityQuery { MaxAmount = edge.AmountCny }));
        }
        // A bound converted from another currency is rounded to the fen like the listing's amount (1 USD = 7 CNY here).
        SameSet(["EDGE-0"], await Refs(new OpportunityQuery { MinAmount = 0.01m, MaxAmount = 0.01m, Currency = "USD" }));
    }

    [Fact]
    public async Task Filters_combine_as_all_of()
    {
        SameSet(["SAWMILL-RU"], await Refs(new OpportunityQuery { Sectors = ["forestry-timber"], Modes = ["joint-venture"], Locations = ["232700"] }));
        SameSet(["TIMBER-ZH"], await Refs(new OpportunityQuery { Sectors = ["forestry-timber"], MinAmount = 100_000_000 }));
        Assert.Empty(await Refs(new OpportunityQuery { Sectors = ["energy"], Locations = ["231100"] }));
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { Text = "соя", Locations = ["231000"], Stages = ["feasibility"] }));
    }

    [Fact]
    public async Task Unknown_codes_match_nothing_instead_of_failing() =>
        Assert.Empty(await Refs(new OpportunityQuery { Sectors = ["no-such-sector"] }));

    // ---------- facets, sort, paging ----------

    [Fact]
    public async Task Facets_count_every_hit_and_count_cities_under_their_prefecture()
    {
        var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { PageSize = 1, Facets = FacetGroups.Opportunity });
        Assert.Equal(5, r.Total);
        Assert.Equal(2, r.Facets["sector"]["forestry-timber"]);
        Assert.Equal(1, r.Facets["sector"]["energy"]);
        Assert.Equal(2, r.Facets["location"]["231000"]);
        Assert.Equal(1, r.Facets["location"]["231081"]);
        Assert.Equal(1, r.Facets["location"]["232700"]);
        Assert.Equal(1, r.Facets["location"]["232701"]);
        Assert.Equal(2, r.Facets["mode"]["joint-venture"]);
        Assert.Equal(1, r.Facets["mode"]["equity"]);
        Assert.Equal(1, r.Facets["stage"]["approved"]);
        Assert.Equal(1, r.Facets["partnerRegion"]["RU-AMU"]);
    }

    // ---------- border crossings ----------
    // Positions are the locations' (content/taxonomy.json), crossings content/border-crossings.json. Straight-line distances
    // (GeoPoint, haversine): TIMBER-ZH in Heihe 3.1 km from Heihe–Blagoveshchensk and 102.3 km from Xunke–Poyarkovo;
    // SOY-RU in Suifenhe 3.6 km from Suifenhe–Pogranichny, 38.6 km from Dongning–Poltavka, 115.6 km from Mishan–Turiy Rog;
    // LOGI-EN in Mudanjiang 125.0 km from Suifenhe and 139.9 km from Dongning; SAWMILL-RU in Mohe 106.2 km from
    // Mohe–Dzhalinda; SOLAR-ALL in Daqing 416 km from the nearest.

    [Fact]
    public async Task Within_km_of_a_crossing_keeps_listings_that_close_to_any_crossing()
    {
        SameSet(["TIMBER-ZH", "SOY-RU"], await Refs(new OpportunityQuery { WithinKm = 10 }));
        SameSet(["TIMBER-ZH", "SOY-RU"], await Refs(new OpportunityQuery { WithinKm = 50 }));
        SameSet(["TIMBER-ZH", "SOY-RU", "LOGI-EN", "SAWMILL-RU"], await Refs(new OpportunityQuery { WithinKm = 150 }));
        // Only the offered bands filter; any other number is ignored rather than guessed at.
        SameSet(["TIMBER-ZH", "SOY-RU", "LOGI-EN", "SOLAR-ALL", "SAWMILL-RU"], await Refs(new OpportunityQuery { WithinKm = 20 }));
    }

    [Fact]
    public async Task Crossing_filter_keeps_listings_within_the_chosen_radius_of_that_crossing()
    {
        SameSet(["SOY-RU", "LOGI-EN"], await Refs(new OpportunityQuery { Crossings = ["dongning-poltavka"] }));
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { Crossings = ["dongning-poltavka"], WithinKm = 50 }));
        SameSet(["TIMBER-ZH", "SAWMILL-RU"], await Refs(new OpportunityQuery { Crossings = ["heihe-blagoveshchensk", "mohe-dzhalinda"] }));
        SameSet(["TIMBER-ZH"], await Refs(new OpportunityQuery { Crossings = ["heihe-blagoveshchensk", "mohe-dzhalinda"], WithinKm = 10 }));
        SameSet(["SOY-RU"], await Refs(new OpportunityQuery { Crossings = ["dongning-poltavka"], Sectors = ["agri-food"] }));
        Assert.Empty(await Refs(new OpportunityQuery { Crossings = ["no-such-crossing"] }));
    }

    [Fact]
    public async Task Crossing_facets_count_each_band_and_each_crossing_within_150_km()
    {
        var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { PageSize = 1, Facets = [FacetGroups.CrossingDistance, FacetGroups.Crossing] });
        Assert.Equal(new Dictionary<string, int> { ["10"] = 2, ["50"] = 2, ["150"] = 4 }, r.Facets[FacetGroups.CrossingDistance]);
        Assert.Equal(new Dictionary<string, int>
        {
            ["heihe-blagoveshchensk"] = 1, ["xunke-poyarkovo"] = 1, ["suifenhe-pogranichny"] = 2, ["dongning-poltavka"] = 2,
            ["mishan-turiy-rog"] = 1, ["mohe-dzhalinda"] = 1,
        }, r.Facets[FacetGroups.Crossing]);
        var near = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { WithinKm = 50, Facets = [FacetGroups.Crossing] });
        Assert.Equal(2, near.Total);
        Assert.False(near.Facets[FacetGroups.Crossing].ContainsKey("mohe-dzhalinda"));
    }

    [Fact]
    public async Task An_officials_own_point_decides_the_distance_instead_of_the_location()
    {
        // SOLAR-ALL is in Daqing, 416 km from any crossing; the official puts it at 47.70° N 132.50° E, by Tongjiang.
        // By hand to Tongjiang (47.66, 132.52): Δφ = 0.04° = 0.000698 rad, Δλ = 0.02° × cos 47.68° (0.6733) = 0.000235 rad;
        // √(0.000698² + 0.000235²) = 0.000737 rad × 6371.0088 = 4.69 km.
        var solar = Opportunities().Single(o => o.Id == SolarAll);
        solar.Latitude = 47.70;
        solar.Longitude = 132.50;
        var doc = Builder.Build(solar)!;
        Assert.Equal(4.7, doc.NearestCrossingKm);
        Assert.Equal("tongjiang-nizhneleninskoye", doc.NearbyCrossings[0]);
        await Engine.IndexOpportunitiesAsync([doc]);
        SameSet(["TIMBER-ZH", "SOY-RU", "SOLAR-ALL"], await Refs(new OpportunityQuery { WithinKm = 10 }));
        SameSet(["SOLAR-ALL"], await Refs(new OpportunityQuery { Crossings = ["tongjiang-nizhneleninskoye"], WithinKm = 10 }));
    }

    [Fact]
    public async Task Percolation_applies_the_distance_and_crossing_filters_of_saved_searches()
    {
        Guid near50 = Guid.NewGuid(), dongning = Guid.NewGuid(), heihe10 = Guid.NewGuid();
        await Engine.StoreSavedSearchAsync(near50, new OpportunityQuery { WithinKm = 50 });
        await Engine.StoreSavedSearchAsync(dongning, new OpportunityQuery { Crossings = ["dongning-poltavka"] });
        await Engine.StoreSavedSearchAsync(heihe10, new OpportunityQuery { Crossings = ["heihe-blagoveshchensk"], WithinKm = 10 });

        async Task<List<string>> Percolate(Guid id) =>
            [.. (await Engine.PercolateAsync(Builder.Build(Opportunities().Single(o => o.Id == id))!)).Select(g => g.ToString())];
        SameSet([near50.ToString(), heihe10.ToString()], await Percolate(TimberZh));
        SameSet([near50.ToString(), dongning.ToString()], await Percolate(SoyRu));
        SameSet([dongning.ToString()], await Percolate(LogisticsEn));
        Assert.Empty(await Percolate(SolarAll));
    }

    [Fact]
    public async Task Facets_follow_the_filters_and_are_absent_unless_asked()
    {
        var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Locations = ["231000"], Facets = ["sector", "location"] });
        Assert.Equal(new Dictionary<string, int> { ["agri-food"] = 1, ["logistics"] = 1 }, r.Facets["sector"]);
        Assert.Equal(2, r.Facets["location"]["231000"]);
        Assert.False(r.Facets.ContainsKey("mode"));
        var none = await Engine.SearchOpportunitiesAsync(new OpportunityQuery());
        Assert.Empty(none.Facets);
    }

    [Fact]
    public async Task Sort_by_newest_and_by_amount()
    {
        Assert.Equal(["LOGI-EN", "TIMBER-ZH", "SOY-RU", "SOLAR-ALL", "SAWMILL-RU"], await Refs(new OpportunityQuery { Sort = SearchSort.Newest }));
        Assert.Equal(["SOY-RU", "SOLAR-ALL", "SAWMILL-RU", "LOGI-EN", "TIMBER-ZH"], await Refs(new OpportunityQuery { Sort = SearchSort.AmountAscending }));
        Assert.Equal(["TIMBER-ZH", "LOGI-EN", "SAWMILL-RU", "SOLAR-ALL", "SOY-RU"], await Refs(new OpportunityQuery { Sort = SearchSort.AmountDescending }));
    }

    [Fact]
    public async Task Relevance_puts_title_matches_first()
    {
        var refs = await Refs(new OpportunityQuery { Text = "лесоматериалы лесопильный завод" });
        Assert.Equal("SAWMILL-RU", refs[0]);
    }

    [Fact]
    public async Task Pages_partition_the_results()
    {
        var q = new OpportunityQuery { Sort = SearchSort.Newest, PageSize = 2 };
        var p1 = await Engine.SearchOpportunitiesAsync(q);
        var p2 = await Engine.SearchOpportunitiesAsync(q with { Page = 2 });
        var p3 = await Engine.SearchOpportunitiesAsync(q with { Page = 3 });
        var p4 = await Engine.SearchOpportunitiesAsync(q with { Page = 4 });
        Assert.All([p1, p2, p3, p4], p => Assert.Equal(5, p.Total));
        Assert.Equal(["LOGI-EN", "TIMBER-ZH"], p1.Hits.Select(h => h.ExternalRef));
        Assert.Equal(["SOY-RU", "SOLAR-ALL"], p2.Hits.Select(h => h.ExternalRef));
        Assert.Equal(["SAWMILL-RU"], p3.Hits.Select(h => h.ExternalRef));
        Assert.Empty(p4.Hits);
        Assert.Equal(2, p2.Page);
    }

    [Fact]
    public async Task Page_size_is_capped_and_bad_paging_is_clamped()
    {
        var big = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { PageSize = 100_000 });
        Assert.Equal(OpportunityQuery.MaxPageSize, big.PageSize);
        var weird = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Page = -3, PageSize = 0 });
        Assert.Equal(1, weird.Page);
        Assert.Equal(1, weird.PageSize);
        Assert.Single(weird.Hits);
    }

    // ---------- what must never be found ----------

    [Fact]
    public async Task Drafts_pending_rejected_and_closed_are_never_indexable_and_never_found()
    {
        foreach (var o in NeverIndexable()) Assert.Null(Builder.Build(o));
        Assert.Empty(await Refs(new OpportunityQuery { Text = "zeppelin" }));
        Assert.DoesNotContain(Investors(), p => p.ExternalRef == "INV-HIDDEN" && Builder.Build(p) is not null);
        var investors = await Engine.SearchInvestorsAsync(new InvestorQuery { PageSize = 100 });
        Assert.DoesNotContain(investors.Hits, h => h.ExternalRef == "INV-HIDDEN");
    }

    [Fact]
    public async Task Closing_a_published_opportunity_removes_it()
    {
        var timber = Opportunities().Single(o => o.Id == TimberZh);
        timber.Status = InvestPortal.Core.Domain.OpportunityStatus.Closed;
        Assert.Null(Builder.Build(timber));
        await Engine.DeleteOpportunitiesAsync([TimberZh]);
        Assert.DoesNotContain("TIMBER-ZH", await Refs(new OpportunityQuery()));
        Assert.Empty(await Refs(new OpportunityQuery { Text = "木材" }).ContinueWith(t => t.Result.Where(r => r == "TIMBER-ZH").ToList()));
    }

    [Fact]
    public async Task Reindexing_replaces_instead_of_duplicating()
    {
        var docs = Opportunities().Select(Builder.Build).OfType<OpportunityDocument>().ToList();
        await Engine.IndexOpportunitiesAsync(docs);
        Assert.Equal(5, (await Engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
    }

    // ---------- languages ----------

    [Theory]
    [InlineData("древесина", "TIMBER-ZH")]      // ru query, zh-only listing, through the concept "timber"
    [InlineData("лесоматериалов", "TIMBER-ZH")] // inflected form
    [InlineData("timber logs", "TIMBER-ZH")]    // en query, zh-only listing
    [InlineData("soybean", "SOY-RU")]           // en query, ru-only listing
    [InlineData("大豆", "SOY-RU")]               // zh query, ru-only listing
    [InlineData("冷链", "LOGI-EN")]              // zh query, en-only listing
    [InlineData("Heihe", "TIMBER-ZH")]          // taxonomy labels exist in every language
    [InlineData("Муданьцзян", "LOGI-EN")]
    [InlineData("photovoltaic", "SOLAR-ALL")]
    [InlineData("光伏电站", "SOLAR-ALL")]
    public async Task A_query_in_any_language_finds_listings_written_in_another(string text, string expected) =>
        Assert.Contains(expected, await Refs(new OpportunityQuery { Text = text }));

    /// <summary>
    /// Russian words whose stem would have fewer than four letters match as written: "пол" (floor) stems like "полях"
    /// (fields) and must not find the solar plant on oil fields; longer stems still meet across inflections.
    /// </summary>
    [Fact]
    public async Task Short_russian_stems_match_only_the_exact_form()
    {
        Assert.Empty(await Refs(new OpportunityQuery { Text = "пол" }));
        SameSet(["SOLAR-ALL"], await Refs(new OpportunityQuery { Text = "полях" }));
        SameSet(["SOLAR-ALL"], await Refs(new OpportunityQuery { Text = "электростанциями" }));
        // A glossary term with a short stem is still found in its known forms through its concept: соя → сои.
        Assert.Contains("SOY-RU", await Refs(new OpportunityQuery { Text = "соя" }));
    }

    [Fact]
    public async Task Text_search_does_not_return_unrelated_listings()
    {
        var refs = await Refs(new OpportunityQuery { Text = "soybean" });
        Assert.DoesNotContain("LOGI-EN", refs);
        Assert.DoesNotContain("SOLAR-ALL", refs);
    }

    [Fact]
    public async Task Highlights_are_in_the_requested_language_escaped_and_marked()
    {
        var en = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "cold storage", Culture = "en" });
        var logi = en.Hits.Single(h => h.ExternalRef == "LOGI-EN");
        Assert.Contains(logi.Highlights, h => h.Culture == "en" && h.Html.Contains("<mark>", StringComparison.Ordinal));
        var summary = logi.Highlights.Single(h => h.Field == "summary").Html;
        Assert.Contains("&lt;lab&gt;", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("<lab>", summary, StringComparison.Ordinal);

        var ru = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "solar", Culture = "ru" });
        var solar = ru.Hits.Single(h => h.ExternalRef == "SOLAR-ALL");
        Assert.NotEmpty(solar.Highlights);
        Assert.All(solar.Highlights, h => Assert.Equal("ru", h.Culture));
        Assert.Contains(solar.Highlights, h => h.Field == "title" && h.Html.Contains("<mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Highlights_fall_back_to_the_original_language_when_the_requested_one_is_missing()
    {
        var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "древесина", Culture = "ru" });
        var timber = r.Hits.Single(h => h.ExternalRef == "TIMBER-ZH");
        Assert.True(timber.Highlights.Any(h => h.Culture == "zh" && h.Html.Contains("<mark>木材</mark>", StringComparison.Ordinal)),
            string.Join(" | ", timber.Highlights.Select(h => $"{h.Field}/{h.Culture}: {h.Html}")));
        Assert.Contains(timber.Highlights, h => h.Culture == "zh" && h.Html.Contains("<mark>木材</mark>", StringComparison.Ordinal));
    }

    // ---------- hostile input ----------

    public static TheoryData<string?> HostileTexts => new()
    {
        null, "", "   ", "\t\n", "title:foo AND (", "*:*", "\"unclosed", "a~2^3 OR [x TO y]", "<script>alert(1)</script>",
        "'; DROP TABLE opportunities; --", "\0\u0001\u0002", "\uD800", "\\", "+-&&||!(){}[]^\"~*?:/", new string('x', 10 * 1024),
        string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}")), string.Concat(Enumerable.Repeat("木材", 5000)),
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Hostile_text_returns_a_normal_result(string? text)
    {
        var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = text, Facets = FacetGroups.Opportunity });
        Assert.InRange(r.Total, 0, 5);
        Assert.Equal(1, r.Page);
        foreach (var h in r.Hits.SelectMany(h => h.Highlights)) Assert.DoesNotContain("<script>", h.Html, StringComparison.Ordinal);
        var i = await Engine.SearchInvestorsAsync(new InvestorQuery { Text = text });
        Assert.InRange(i.Total, 0, 3);
    }

    [Fact]
    public async Task Query_syntax_is_not_interpreted()
    {
        // If "sector:energy" were parsed as a field query it would find SOLAR-ALL.
        Assert.DoesNotContain("SOLAR-ALL", await Refs(new OpportunityQuery { Text = "type:opportunity sector:energy" }));
        Assert.DoesNotContain("SOLAR-ALL", await Refs(new OpportunityQuery { Text = "sector:energy OR *:*" }));
    }

    [Fact]
    public async Task Blank_text_means_no_text_filter() =>
        Assert.Equal(5, (await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = "  " })).Total);

    // ---------- investor profiles ----------

    [Fact]
    public async Task Investor_search_filters_by_kind_country_sector_and_location_with_facets()
    {
        var all = await Engine.SearchInvestorsAsync(new InvestorQuery { Facets = FacetGroups.Investor });
        Assert.Equal(3, all.Total);
        Assert.Equal(2, all.Facets["country"]["RU"]);
        Assert.Equal(1, all.Facets["kind"]["fund"]);
        Assert.Equal(["INV-ENERGY"], (await Engine.SearchInvestorsAsync(new InvestorQuery { Kinds = ["fund"] })).Hits.Select(h => h.ExternalRef));
        Assert.Equal(2, (await Engine.SearchInvestorsAsync(new InvestorQuery { Countries = ["ru"] })).Total);
        Assert.Equal(["INV-TRADE"], (await Engine.SearchInvestorsAsync(new InvestorQuery { Sectors = ["cross-border-trade"] })).Hits.Select(h => h.ExternalRef));
        // A city filter finds profiles naming its prefecture.
        Assert.Equal(["INV-TRADE"], (await Engine.SearchInvestorsAsync(new InvestorQuery { Locations = ["231081"] })).Hits.Select(h => h.ExternalRef));
    }

    [Fact]
    public async Task Investor_text_search_is_cross_language()
    {
        var r = await Engine.SearchInvestorsAsync(new InvestorQuery { Text = "木材" });
        Assert.Equal("INV-TIMBER", r.Hits.First().ExternalRef);
        var s = await Engine.SearchInvestorsAsync(new InvestorQuery { Text = "soy" });
        Assert.Contains(s.Hits, h => h.ExternalRef == "INV-TRADE");
    }

    // ---------- matching ----------

    [Fact]
    public async Task Matching_an_investor_ranks_opportunities_with_reasons()
    {
        var investor = Builder.ForMatching(Investors().Single(i => i.Id == TimberInvestor));
        var matches = await Engine.MatchOpportunitiesForInvestorAsync(investor, 10);
        Assert.Equal("TIMBER-ZH", matches[0].ExternalRef);
        Assert.Equal(1.0, matches[0].Score, 3);
        Assert.Contains(new MatchReason("sector", "forestry-timber"), matches[0].Reasons);
        Assert.Contains(new MatchReason("location", "231100"), matches[0].Reasons);
        Assert.Contains(new MatchReason("ticket-fits"), matches[0].Reasons);
        Assert.Contains(new MatchReason("mode", "joint-venture"), matches[0].Reasons);
        Assert.Contains(new MatchReason("concept", "timber"), matches[0].Reasons);
        Assert.Contains(new MatchReason("partner-region", "RU-AMU"), matches[0].Reasons);
        Assert.Contains(matches, m => m.ExternalRef == "SAWMILL-RU");
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores must be in descending order");
        Assert.All(matches, m => Assert.InRange(m.Score, 0.0, 1.0));
        Assert.All(matches, m => Assert.NotEmpty(m.Reasons));
        Assert.DoesNotContain(matches, m => m.ExternalRef == "SOLAR-ALL");
    }

    [Fact]
    public async Task Ticket_range_is_compared_across_currencies()
    {
        // The energy fund takes 5M..20M EUR = 40M..160M CNY: SOLAR (80M CNY) fits.
        var fund = Builder.ForMatching(Investors().Single(i => i.Id == EnergyFund));
        var matches = await Engine.MatchOpportunitiesForInvestorAsync(fund, 5);
        Assert.Equal("SOLAR-ALL", matches[0].ExternalRef);
        Assert.Contains(new MatchReason("ticket-fits"), matches[0].Reasons);
    }

    [Fact]
    public async Task Matching_an_opportunity_ranks_public_investors_with_reasons()
    {
        var timber = Builder.ForMatching(Opportunities().Single(o => o.Id == TimberZh));
        var matches = await Engine.MatchInvestorsForOpportunityAsync(timber, 10);
        Assert.Equal("INV-TIMBER", matches[0].ExternalRef);
        Assert.Contains(new MatchReason("sector", "forestry-timber"), matches[0].Reasons);
        Assert.DoesNotContain(matches, m => m.ExternalRef == "INV-HIDDEN");
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        var top1 = await Engine.MatchInvestorsForOpportunityAsync(timber, 1);
        Assert.Single(top1);
    }

    [Fact]
    public async Task An_investor_without_preferences_has_no_matches()
    {
        var blank = Builder.ForMatching(new InvestPortal.Core.Domain.InvestorProfile { ExternalRef = "BLANK" });
        Assert.Empty(await Engine.MatchOpportunitiesForInvestorAsync(blank, 10));
    }

    // ---------- percolation ----------

    [Fact]
    public async Task Percolation_finds_the_saved_searches_a_new_opportunity_matches()
    {
        Guid ruTimber = Guid.NewGuid(), energy = Guid.NewGuid(), mudanjiangSoy = Guid.NewGuid(), big = Guid.NewGuid(), everything = Guid.NewGuid();
        await Engine.StoreSavedSearchAsync(ruTimber, new OpportunityQuery { Text = "древесина" });
        await Engine.StoreSavedSearchAsync(energy, new OpportunityQuery { Sectors = ["energy"] });
        await Engine.StoreSavedSearchAsync(mudanjiangSoy, new OpportunityQuery { Text = "soy", Locations = ["231000"] });
        await Engine.StoreSavedSearchAsync(big, new OpportunityQuery { MinAmount = 100_000_000, Currency = "USD" });
        await Engine.StoreSavedSearchAsync(everything, new OpportunityQuery());

        var timber = Builder.Build(Opportunities().Single(o => o.Id == TimberZh))!;
        SameSet([ruTimber.ToString(), everything.ToString()], (await Engine.PercolateAsync(timber)).Select(g => g.ToString()));
        var soy = Builder.Build(Opportunities().Single(o => o.Id == SoyRu))!;
        SameSet([mudanjiangSoy.ToString(), everything.ToString()], (await Engine.PercolateAsync(soy)).Select(g => g.ToString()));

        await Engine.DeleteSavedSearchAsync(ruTimber);
        Assert.DoesNotContain(ruTimber, await Engine.PercolateAsync(timber));
        Assert.Equal(4, (await Engine.GetHealthAsync()).SavedSearches);
    }

    // ---------- lifecycle ----------

    [Fact]
    public async Task Health_reports_document_counts()
    {
        var h = await Engine.GetHealthAsync();
        Assert.True(h.Available);
        Assert.Equal(5, h.Opportunities);
        Assert.Equal(3, h.Investors);
    }

    [Fact]
    public async Task A_rebuild_replaces_everything_when_completed_and_nothing_when_abandoned()
    {
        await using (var abandoned = await Engine.BeginRebuildAsync())
            await abandoned.IndexOpportunitiesAsync([Builder.Build(Opportunities()[2])!]);
        Assert.Equal(5, (await Engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);

        var saved = Guid.NewGuid();
        await Engine.StoreSavedSearchAsync(Guid.NewGuid(), new OpportunityQuery());
        await using (var rebuild = await Engine.BeginRebuildAsync())
        {
            await rebuild.IndexOpportunitiesAsync([Builder.Build(Opportunities().Single(o => o.Id == LogisticsEn))!]);
            await rebuild.IndexInvestorsAsync([Builder.Build(Investors()[0])!]);
            await rebuild.StoreSavedSearchesAsync([new(saved, new OpportunityQuery { Sectors = ["logistics"] })]);
            Assert.Equal(5, (await Engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total); // old index serves meanwhile
            await rebuild.CompleteAsync();
        }
        Assert.Equal(["LOGI-EN"], await Refs(new OpportunityQuery()));
        var h = await Engine.GetHealthAsync();
        Assert.Equal((1, 1, 1, false), (h.Opportunities, h.Investors, h.SavedSearches, h.NeedsRebuild));
        Assert.Equal([saved], await Engine.PercolateAsync(Builder.Build(Opportunities().Single(o => o.Id == LogisticsEn))!));
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_do_not_interfere()
    {
        var docs = Opportunities().Select(Builder.Build).OfType<OpportunityDocument>().ToList();
        var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            if (i % 4 == 0) await Engine.IndexOpportunitiesAsync([docs[i % docs.Count]]);
            var r = await Engine.SearchOpportunitiesAsync(new OpportunityQuery { Text = i % 2 == 0 ? "木材" : "soy", Facets = ["sector"] });
            Assert.True(r.Total >= 1);
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(5, (await Engine.SearchOpportunitiesAsync(new OpportunityQuery())).Total);
    }
}
