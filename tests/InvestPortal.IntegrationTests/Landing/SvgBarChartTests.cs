using System.Xml.Linq;
using InvestPortal.Web.Landing;

namespace InvestPortal.IntegrationTests.Landing;

/// <summary>Unit tests of the funnel's bar chart: no host, no database.</summary>
public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = SvgBarChart.Ns;

    private static BarChartData Chart(IReadOnlyList<int?> interests) => new("b1", "Cities & <towns>", "Heihe leads",
        interests.Select((_, i) => $"City {i}").ToList(),
        [new BarSeries("Interests", "series-interests", interests), new BarSeries("Landed", "series-landed", interests.Select(v => v is null ? null : (int?)1).ToList())],
        "en", "fewer than 3 interests, not shown");

    [Fact]
    public void Output_is_well_formed_svg_with_accessible_name_escaped_text_and_no_inline_style()
    {
        var svg = XElement.Parse(SvgBarChart.Render(Chart([5, 12, 3])));
        Assert.Equal(("img", "b1-title b1-desc"), ((string?)svg.Attribute("role"), (string?)svg.Attribute("aria-labelledby")));
        Assert.Equal("Cities & <towns>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("Heihe leads", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.Equal(6, svg.Descendants(Svg + "rect").Count(r => ((string?)r.Attribute("class"))!.StartsWith("chart-bar", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_hidden_group_gets_its_label_and_a_note_instead_of_bars()
    {
        var svg = XElement.Parse(SvgBarChart.Render(Chart([7, null])));
        var groups = svg.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "chart-group").ToList();
        Assert.Equal(2, groups.Count);
        Assert.Empty(groups[1].Elements(Svg + "rect"));
        Assert.Contains(groups[1].Elements(Svg + "text"), t => t.Value == "fewer than 3 interests, not shown");
        Assert.Equal(2, groups[0].Elements(Svg + "rect").Count());
    }

    [Fact]
    public void A_longer_list_of_groups_makes_a_taller_chart_rather_than_thinner_bars()
    {
        static int Height(string svg) => int.Parse(((string)XElement.Parse(svg).Attribute("viewBox")!).Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Height(SvgBarChart.Render(Chart([1, 2, 3, 4, 5, 6]))) > Height(SvgBarChart.Render(Chart([1, 2]))));
    }
}
