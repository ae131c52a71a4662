using System.Xml.Linq;
using InvestPortal.Web.Insight;

namespace InvestPortal.IntegrationTests.Insight;

/// <summary>Unit tests of the server-drawn chart: no host, no database.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = SvgChart.Ns;

    private static ChartData Chart(int days, Func<int, int> views, string culture = "en", string title = "Views & <interest>")
    {
        var start = new DateOnly(2026, 10, 30);
        var range = Enumerable.Range(0, days).Select(start.AddDays).ToList();
        return new ChartData("c1", title, "A description", range,
        [
            new ChartSeries("Views", "series-views", range.Select((_, i) => views(i)).ToList()),
            new ChartSeries("Interest", "series-interests", range.Select(_ => 0).ToList()),
        ], culture);
    }

    private static XElement Render(ChartData chart) => XElement.Parse(SvgChart.Render(chart));

    [Fact]
    public void Output_is_well_formed_svg_with_accessible_name_and_escaped_text()
    {
        var svg = Render(Chart(30, i => i * 3));
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c1-title c1-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Views & <interest>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("c1-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("A description", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(1)]
    public void Each_series_has_one_point_and_one_dot_per_day(int days)
    {
        var svg = Render(Chart(days, i => i % 7));
        var lines = svg.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(days, ((string)l.Attribute("points")!).Split(' ').Length));
        Assert.Equal(2 * days, svg.Descendants(Svg + "circle").Count());
        var xs = lines[0].Attribute("points")!.Value.Split(' ').Select(p => double.Parse(p.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs); // left to right, oldest first
        Assert.All(xs, x => Assert.InRange(x, 0, SvgChart.Width));
    }

    [Fact]
    public void All_zero_data_still_gets_a_scale_and_a_flat_line_on_the_axis()
    {
        var svg = Render(Chart(30, _ => 0));
        var ys = svg.Descendants(Svg + "polyline").First().Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')[1]).Distinct().ToList();
        Assert.Single(ys);
        var axis = svg.Descendants(Svg + "line").First(l => (string?)l.Attribute("class") == "chart-axis");
        Assert.Equal((string?)axis.Attribute("y1"), ys[0]);
        var yLabels = svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "chart-grid").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["0", "1", "2", "3", "4"], yLabels);
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_day_is_drawn_in_the_middle()
    {
        var svg = Render(Chart(1, _ => 5));
        var point = svg.Descendants(Svg + "polyline").First().Attribute("points")!.Value;
        Assert.DoesNotContain("NaN", point, StringComparison.Ordinal);
        Assert.Single(svg.Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "chart-dates").Elements(Svg + "text"));
    }

    [Theory]
    [InlineData("zh", "10月30日")]
    [InlineData("ru", "30.10")]
    [InlineData("en", "Oct 30")]
    public void Date_labels_are_localized(string culture, string first)
    {
        var dates = Render(Chart(30, i => i, culture)).Descendants(Svg + "g").First(g => (string?)g.Attribute("class") == "chart-dates")
            .Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(first, dates[0]);
        Assert.InRange(dates.Count, 2, 8);
    }

    [Theory]
    [InlineData(0, 1, 4)]
    [InlineData(3, 1, 4)]
    [InlineData(9, 5, 20)]
    [InlineData(41, 20, 80)]
    [InlineData(1234, 500, 2000)]
    public void The_scale_uses_round_steps(int max, int step, int top)
    {
        Assert.Equal((step, top), SvgChart.Scale(max));
    }

    [Fact]
    public void Series_of_the_wrong_length_are_refused()
    {
        var bad = Chart(3, i => i) with { Days = [new DateOnly(2026, 1, 1)] };
        Assert.Throws<ArgumentException>(() => SvgChart.Render(bad));
    }
}
