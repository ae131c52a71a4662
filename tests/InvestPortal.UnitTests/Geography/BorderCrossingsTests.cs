using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;
using Xunit;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.UnitTests.Geography;

public sealed class BorderCrossingsTests
{
    private static readonly BorderCrossings Content = BorderCrossings.Load(Path.Combine(TestPaths.Content, "border-crossings.json"));

    private static BorderCrossing Crossing(string code, double lat, double lon, CrossingModes modes = CrossingModes.Road) =>
        new(code, "crossing-" + code,
            Cultures.All.ToDictionary(c => c, c => code), new Dictionary<string, IReadOnlyList<string>>(),
            Cultures.All.ToDictionary(c => c, c => "town"), "RU-AMU", new GeoPoint(lat, lon), modes, CrossingStatus.Operating, []);

    [Fact]
    public void Nearest_orders_by_distance_computed_by_hand()
    {
        // Three crossings on the 127° E meridian; along a meridian d = R·Δφ = 111.19508 km per degree (see GeoPointTests).
        // From (48, 127): "b" at 48.1° is 0.1° = 11.12 km away, "a" at 47.5° is 0.5° = 55.60 km, "c" at 49.5° is 1.5° = 166.79 km.
        var crossings = new BorderCrossings([Crossing("a", 47.5, 127), Crossing("b", 48.1, 127), Crossing("c", 49.5, 127)]);
        var nearest = crossings.Nearest(new GeoPoint(48, 127), 2);
        Assert.Equal(["b", "a"], nearest.Select(n => n.Crossing.Code));
        Assert.Equal(11.12, nearest[0].DistanceKm, 0.01);
        Assert.Equal(55.60, nearest[1].DistanceKm, 0.01);
        Assert.Equal(["b", "a"], crossings.Within(new GeoPoint(48, 127), 150).Select(n => n.Crossing.Code));
        Assert.Equal(["b"], crossings.Within(new GeoPoint(48, 127), 50).Select(n => n.Crossing.Code));
    }

    [Fact]
    public void Crossings_at_the_same_distance_come_in_code_order()
    {
        // Both 0.5° of latitude from (48, 127): 55.60 km each.
        var crossings = new BorderCrossings([Crossing("z", 48.5, 127), Crossing("m", 47.5, 127)]);
        Assert.Equal(["m", "z"], crossings.Nearest(new GeoPoint(48, 127), 3).Select(n => n.Crossing.Code));
    }

    [Fact]
    public void Suifenhe_city_is_next_to_its_crossing_and_Dongning_comes_second()
    {
        // Suifenhe's seat (44.40, 131.15) to the rail crossing (44.4106, 131.1928): Δφ = 0.0106° = 0.000185 rad,
        // Δλ = 0.0428° = 0.000747 rad × cos 44.405° (0.7143) = 0.000534 rad; √(0.000185² + 0.000534²) = 0.000565 rad × 6371 = 3.60 km.
        var suifenhe = SearchTestTaxonomy.Location("231081")!.Position!.Value;
        var nearest = Content.Nearest(suifenhe, 3);
        Assert.Equal(["suifenhe-pogranichny", "dongning-poltavka", "mishan-turiy-rog"], nearest.Select(n => n.Crossing.Code));
        Assert.Equal(3.60, nearest[0].DistanceKm, 0.01);
    }

    private static readonly PortalTaxonomy SearchTestTaxonomy = PortalTaxonomy.Load(Path.Combine(TestPaths.Content, "taxonomy.json"));

    [Fact]
    public void The_content_file_lists_the_Heilongjiang_crossings_with_every_fact_sourced()
    {
        // Load validates names, positions in the province, modes and a source per fact; here what an investor relies on.
        Assert.True(Content.All.Count >= 13);
        var heihe = Content.Find("heihe-blagoveshchensk")!;
        Assert.Equal("Благовещенск", heihe.CounterpartName(Cultures.Ru));
        Assert.True(heihe.Modes.HasFlag(CrossingModes.Road | CrossingModes.RiverPort | CrossingModes.IceRoad | CrossingModes.Pontoon));
        Assert.True(Content.Find("tongjiang-nizhneleninskoye")!.Modes.HasFlag(CrossingModes.Rail));
        Assert.True(Content.Find("suifenhe-pogranichny")!.Modes.HasFlag(CrossingModes.Road | CrossingModes.Rail));
        Assert.All(Content.All, c => Assert.All(c.Sources.Where(s => s.Url != ""), s => Assert.StartsWith("http", s.Url)));
    }

    [Fact]
    public void Every_taxonomy_location_has_a_position_in_the_province()
    {
        Assert.All(SearchTestTaxonomy.Locations, l => Assert.True(l.Position is { } p && HeilongjiangBounds.Contains(p), l.Code));
    }

    [Fact]
    public void Every_name_of_a_crossing_finds_the_crossing_in_the_search_glossary()
    {
        var glossary = GlossaryModel.Load(Path.Combine(TestPaths.Content, "glossary.jsonl"));
        Assert.All(Content.All, c =>
        {
            Assert.NotNull(glossary.Find(c.GlossaryConcept));
            foreach (var name in c.AllNames())
                Assert.True(glossary.ConceptsIn(name).Contains(c.GlossaryConcept), $"'{name}' does not find {c.GlossaryConcept}");
        });
    }

    [Fact]
    public void A_file_with_an_unsourced_mode_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"crossings":[{"code":"x","glossaryConcept":"c","names":{"zh":"甲","ru":"А","en":"A"},"counterpart":{"zh":"乙","ru":"Б","en":"B"},
                 "position":{"latitude":47.65,"longitude":132.51},"modes":["road","rail"],
                 "sources":[{"facts":["position","counterpart","road"],"url":"https://example.org","note":""}]}]}
                """);
            var e = Assert.Throws<InvalidDataException>(() => BorderCrossings.Load(path));
            Assert.Contains("no source for rail", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_with_a_crossing_outside_the_province_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            // Latitude and longitude swapped: the commonest slip.
            File.WriteAllText(path, """
                {"crossings":[{"code":"x","glossaryConcept":"c","names":{"zh":"甲","ru":"А","en":"A"},"counterpart":{"zh":"乙","ru":"Б","en":"B"},
                 "position":{"latitude":132.51,"longitude":47.65},"modes":["road"],
                 "sources":[{"facts":["position","counterpart","road"],"url":"https://example.org","note":""}]}]}
                """);
            Assert.Contains("not in Heilongjiang", Assert.Throws<InvalidDataException>(() => BorderCrossings.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_correction_replaces_a_crossing_and_an_empty_set_restores_the_file()
    {
        var crossings = BorderCrossings.Load(Path.Combine(TestPaths.Content, "border-crossings.json"));
        var heihe = crossings.Find("heihe-blagoveshchensk")!;
        crossings.ApplyCorrections([heihe with { Position = new GeoPoint(50.2011, 127.6005) }]);
        Assert.Equal(new GeoPoint(50.2011, 127.6005), crossings.Find("heihe-blagoveshchensk")!.Position);
        Assert.Equal(heihe.Position, crossings.FileVersion("heihe-blagoveshchensk")!.Position);
        crossings.ApplyCorrections([]);
        Assert.Equal(heihe.Position, crossings.Find("heihe-blagoveshchensk")!.Position);
    }
}
