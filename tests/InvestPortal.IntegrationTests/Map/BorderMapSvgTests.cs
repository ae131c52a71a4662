using System.Xml.Linq;
using InvestPortal.Testing;
using InvestPortal.Web.Map;

namespace InvestPortal.IntegrationTests.Map;

/// <summary>Unit tests of the server-drawn map: what a page gives it comes out as links, labels and symbols; no host, no database.</summary>
public sealed class BorderMapSvgTests
{
    private static readonly XNamespace Svg = BorderMapSvg.Ns;
    private static readonly MapGeometry Geometry = MapGeometry.Load(Path.Combine(TestPaths.Content, "map", "heilongjiang.json"));

    private static readonly MapTexts Texts = new("Russia", "China", "Amur", "Ussuri", "Songhua", "published opportunities", "this opportunity",
        new Dictionary<CrossingSymbol, string>
        {
            [CrossingSymbol.Rail] = "rail crossing", [CrossingSymbol.Road] = "road crossing",
            [CrossingSymbol.RiverPort] = "river port", [CrossingSymbol.Seasonal] = "seasonal",
        });

    private static BorderMap Map(MapListingPoint? listing = null) => new("m1", "Map of <Heilongjiang> & the border", "A description", Texts,
        [
            new MapPlace("230100", "Harbin", 126.53, 45.8, 12, "12", "Harbin: 12 published opportunities", "/en/opportunities?location=230100"),
            new MapPlace("231100", "Heihe", 127.5, 50.25, 3, "3", "Heihe: 3 published opportunities", "/en/opportunities?location=231100", Selected: true),
            new MapPlace("230200", "Qiqihar", 123.92, 47.35, 0, "0", "Qiqihar: 0 published opportunities", null),
        ],
        [
            new MapCrossing("suifenhe-pogranichny", "Suifenhe–Pogranichny crossing", "Pogranichny", "road, rail", CrossingSymbol.Rail, 131.19, 44.41, "/en/opportunities?crossing=suifenhe-pogranichny"),
            new MapCrossing("heihe-blagoveshchensk", "Heihe–Blagoveshchensk crossing", "Blagoveshchensk", "road, river port", CrossingSymbol.Road, 127.53, 50.25, "/en/opportunities?crossing=heihe-blagoveshchensk", "12 km"),
            new MapCrossing("fuyuan-khabarovsk", "Fuyuan–Khabarovsk crossing", "Khabarovsk", "river port", CrossingSymbol.RiverPort, 134.29, 48.36, "/en/opportunities?crossing=fuyuan-khabarovsk"),
            new MapCrossing("luobei-amurzet", "Luobei–Amurzet crossing", "Amurzet", "ice road", CrossingSymbol.Seasonal, 130.95, 47.69, "/en/opportunities?crossing=luobei-amurzet"),
        ], listing);

    private static XElement Render(BorderMap map) => XElement.Parse(new BorderMapSvg(Geometry).Render(map));

    [Fact]
    public void The_map_is_well_formed_svg_that_scales_with_a_title_and_description_and_no_inline_style()
    {
        var svg = Render(Map());
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("0 0 600 664", (string?)svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
        Assert.Equal("m1-title", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("m1-desc", (string?)svg.Attribute("aria-describedby"));
        Assert.Equal("Map of <Heilongjiang> & the border", svg.Element(Svg + "title")!.Value);
        Assert.Equal("m1-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("A description", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName is "script" or "image" or "foreignObject");
        Assert.DoesNotContain("http", string.Concat(svg.Descendants().Attributes().Where(a => a.Name != "xmlns").Select(a => a.Value)));
    }

    [Fact]
    public void Every_location_with_listings_is_a_link_to_its_filtered_search_with_its_name_and_count_as_text()
    {
        var links = Render(Map()).Descendants(Svg + "a").Where(a => ((string?)a.Attribute("class"))!.StartsWith("map-place")).ToList();
        Assert.Equal(["/en/opportunities?location=230100", "/en/opportunities?location=231100"], links.Select(a => (string)a.Attribute("href")!));
        var harbin = links[0];
        Assert.Equal("Harbin 12", harbin.Element(Svg + "text")!.Value);
        Assert.Equal("Harbin: 12 published opportunities", harbin.Element(Svg + "title")!.Value);
        Assert.Equal("true", (string?)links[1].Attribute("aria-current"));
        // A place without listings is a dot and its name, never a link to an empty search.
        var svg = Render(Map());
        Assert.DoesNotContain(svg.Descendants(Svg + "a"), a => a.Descendants().Any(d => d.Value.Contains("Qiqihar")));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Qiqihar");
    }

    [Fact]
    public void A_bubble_grows_with_its_count_but_never_beyond_the_cap()
    {
        var radii = Render(Map()).Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "map-bubble" && c.Parent!.Name == Svg + "a")
            .Select(c => double.Parse((string)c.Attribute("r")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, radii.Count);
        Assert.True(radii[0] > radii[1], "12 listings draw a bigger bubble than 3");
        Assert.True(BorderMapSvg.BubbleRadius(4) > BorderMapSvg.BubbleRadius(1));
        Assert.Equal(BorderMapSvg.BubbleRadius(10_000), BorderMapSvg.BubbleRadius(100_000));
    }

    [Fact]
    public void Every_crossing_is_a_link_with_a_label_and_each_kind_has_its_own_symbol_in_the_map_and_the_legend()
    {
        var svg = Render(Map());
        var crossings = svg.Descendants(Svg + "a").Where(a => (string?)a.Attribute("class") == "map-crossing").ToList();
        Assert.Equal(4, crossings.Count);
        Assert.All(crossings, a => Assert.StartsWith("/en/opportunities?crossing=", (string)a.Attribute("href")!));
        Assert.Equal(["Pogranichny", "Blagoveshchensk", "Khabarovsk", "Amurzet"], crossings.Select(a => a.Element(Svg + "text")!.Value));
        Assert.Equal("Heihe–Blagoveshchensk crossing (road, river port), 12 km", crossings[1].Element(Svg + "title")!.Value);
        var symbols = crossings.Select(a => (string)a.Elements().First(e => ((string?)e.Attribute("class"))?.StartsWith("map-symbol") == true).Attribute("class")!).ToList();
        Assert.Equal(4, symbols.Distinct().Count());
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "map-legend");
        Assert.Equal(["published opportunities", "rail crossing", "road crossing", "river port", "seasonal"], legend.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void A_detail_page_map_marks_the_listing_point_and_names_it_in_the_legend()
    {
        var svg = Render(Map(new MapListingPoint("Cold store in Heihe", 127.49, 50.24)));
        var point = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "map-listing");
        Assert.Contains(point.Descendants(Svg + "text"), t => t.Value == "Cold store in Heihe");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "this opportunity");
        Assert.DoesNotContain(Render(Map()).Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "map-listing");
    }

    [Fact]
    public void Labels_stay_inside_the_view_box_even_for_places_at_the_edge()
    {
        var map = Map() with
        {
            Places = [new MapPlace("east", "A place with a long name at the eastern edge", 135.4, 48.0, 5, "5", "t", "/en/opportunities?location=east")],
        };
        var text = Render(map).Descendants(Svg + "a").Single(a => (string?)a.Attribute("href") == "/en/opportunities?location=east").Element(Svg + "text")!;
        Assert.Equal("end", (string?)text.Attribute("text-anchor"));
    }
}
