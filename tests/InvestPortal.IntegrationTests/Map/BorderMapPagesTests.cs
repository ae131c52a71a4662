using System.Text.RegularExpressions;
using AngleSharp.Dom;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.IntegrationTests.Map;

/// <summary>
/// The map of the border on the home, search and detail pages in zh, ru and en, with the demo content: its SVG with a
/// title and description in the page's language, bubbles that open the search narrowed to their location with the
/// count the search gives, crossings as links, and the list alternative beside it saying the same.
/// </summary>
public abstract class BorderMapPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : PortalFactory
{
    private readonly HttpClient _client = factory.CreateBrowserlikeClient();

    private static readonly Dictionary<string, string> Titles = new()
    {
        [Cultures.Zh] = "黑龙江省及中俄边境地图",
        [Cultures.Ru] = "Карта провинции Хэйлунцзян и её границы с Россией",
        [Cultures.En] = "Map of Heilongjiang province and its border with Russia",
    };

    private static readonly Dictionary<string, string> MapNearestHeading = new()
    {
        [Cultures.Zh] = "最近的边境口岸",
        [Cultures.Ru] = "Ближайшие пункты пропуска",
        [Cultures.En] = "Nearest border crossings",
    };

    public static TheoryData<string> Languages() => new(Cultures.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_home_page_shows_the_map_with_a_localized_title_and_every_bubble_opens_the_search_for_its_location(string culture)
    {
        var doc = await _client.GetDocumentAsync($"/{culture}/");
        var map = MapOf(doc, "map-home");
        AssertLocalizedSvg(map, culture);
        var bubbles = map.QuerySelectorAll("svg a.map-place");
        Assert.NotEmpty(bubbles);
        foreach (var bubble in bubbles)
            Assert.Matches($"^/{culture}/opportunities\\?location=\\d{{6}}$", bubble.GetAttribute("href"));

        // A bubble's count is what the search it opens finds.
        var first = bubbles[0];
        var count = Regex.Match(first.QuerySelector("text")!.TextContent, @"\d+$").Value;
        var search = await _client.GetDocumentAsync(first.GetAttribute("href")!);
        Assert.Equal(count, Regex.Match(search.QuerySelector(".result-count")!.TextContent, @"\d+").Value);
        AssertListAlternative(map, bubbles.Length);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_search_map_follows_the_filters_and_keeps_them_in_its_links(string culture)
    {
        var all = MapOf(await _client.GetDocumentAsync($"/{culture}/opportunities"), "map-search");
        AssertLocalizedSvg(all, culture);
        var everywhere = all.QuerySelectorAll("svg a.map-place").Length;

        var taxonomy = factory.Services.GetRequiredService<PortalTaxonomy>();
        var heihe = taxonomy.Locations.Single(l => l.Code == "231100");
        var doc = await _client.GetDocumentAsync($"/{culture}/opportunities?location=231100&sort=newest");
        var map = MapOf(doc, "map-search");
        var bubbles = map.QuerySelectorAll("svg a.map-place");
        Assert.InRange(bubbles.Length, 1, everywhere - 1);
        // Every bubble still is this search (the sort kept), narrowed to its own location; the chosen one is marked.
        Assert.All(bubbles, b => Assert.Matches($"^/{culture}/opportunities\\?sort=newest&location=\\d{{6}}$", b.GetAttribute("href")));
        var chosen = Assert.Single(bubbles, b => b.GetAttribute("aria-current") == "true");
        Assert.StartsWith(heihe.Label(culture), chosen.QuerySelector("text")!.TextContent);
        AssertListAlternative(map, bubbles.Length);
        // The list names the same places with the same counts as the bubbles.
        var listed = map.QuerySelectorAll(".map-place-list a").Select(a => Regex.Replace(a.TextContent, @"\s+", " ").Trim()).Order().ToList();
        var drawn = bubbles.Select(b => b.QuerySelector("text")!.TextContent).Order().ToList();
        Assert.Equal(drawn, listed);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_listing_shows_its_point_and_its_nearest_crossings_with_distances(string culture)
    {
        var search = await _client.GetDocumentAsync($"/{culture}/opportunities?location=231100");
        var link = search.QuerySelector($".card-list a[href^='/{culture}/opportunities/']")!.GetAttribute("href")!;
        var doc = await _client.GetDocumentAsync(link);
        var map = MapOf(doc, "map-detail");
        AssertLocalizedSvg(map, culture);
        Assert.NotNull(map.QuerySelector("svg .map-listing"));
        var crossings = map.QuerySelectorAll("svg a.map-crossing");
        Assert.Equal(3, crossings.Length);
        var names = factory.Services.GetRequiredService<BorderCrossings>();
        var heiheCrossing = names.Find("heihe-blagoveshchensk")!;
        // A listing in Heihe is nearest the Heihe–Blagoveshchensk crossing, first in the list with its distance.
        var first = map.QuerySelector(".map-crossing-list li")!;
        Assert.Equal(heiheCrossing.Name(culture), first.QuerySelector("a")!.TextContent);
        Assert.Matches(culture switch { "zh" => @"\d+ 公里", "ru" => @"\d+ км", _ => @"\d+ km" }, first.TextContent);
        Assert.Equal($"/{culture}/opportunities?crossing=heihe-blagoveshchensk", first.QuerySelector("a")!.GetAttribute("href"));
        // Named once on the page: the list beside the map is the only list of nearest crossings.
        Assert.Single(doc.QuerySelectorAll("ol.nearest-crossings"));
        Assert.Equal(3, doc.QuerySelectorAll("[data-crossing]").Length);
        Assert.Single(doc.QuerySelectorAll("h2, h3"), h => h.TextContent.Trim() == MapNearestHeading[culture]);
    }

    private static IElement MapOf(IDocument doc, string id)
    {
        var map = doc.QuerySelector($"section.border-map[data-map='{id}']");
        Assert.NotNull(map);
        return map!;
    }

    private static void AssertLocalizedSvg(IElement map, string culture)
    {
        var svg = map.QuerySelector("svg")!;
        // It scales: only a viewBox, the width comes from site.css.
        Assert.NotNull(svg.GetAttribute("viewBox"));
        Assert.Null(svg.GetAttribute("width"));
        var title = map.QuerySelector($"svg > title#{svg.GetAttribute("aria-labelledby")}")!;
        Assert.Equal(Titles[culture], title.TextContent);
        var desc = map.QuerySelector($"svg > desc#{svg.GetAttribute("aria-describedby")}")!;
        Assert.False(string.IsNullOrWhiteSpace(desc.TextContent));
        if (culture == Cultures.Zh) Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", desc.TextContent);
        if (culture == Cultures.Ru) Assert.Matches(@"\p{IsCyrillic}", desc.TextContent);
        if (culture == Cultures.En) Assert.DoesNotMatch(@"\p{IsCyrillic}|\p{IsCJKUnifiedIdeographs}", desc.TextContent);
        // No request off the page: no external reference anywhere in the drawing.
        Assert.DoesNotContain(svg.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Value.StartsWith("http", StringComparison.Ordinal) && a.Name != "xmlns");
    }

    private static void AssertListAlternative(IElement map, int bubbles)
    {
        Assert.Equal(bubbles, map.QuerySelectorAll(".map-place-list a").Length);
        var crossings = map.QuerySelectorAll("svg a.map-crossing").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(crossings);
        Assert.Equal(crossings, map.QuerySelectorAll(".map-crossing-list a").Select(a => a.GetAttribute("href")).ToList());
    }
}

public sealed class BorderMapPagesOnSqlite(SqlitePortalFactory factory) : BorderMapPagesTests<SqlitePortalFactory>(factory);
public sealed class BorderMapPagesOnPostgres(PostgresPortalFactory factory) : BorderMapPagesTests<PostgresPortalFactory>(factory);
