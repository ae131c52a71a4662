using System.Globalization;
using System.Text;
using System.Xml;
using static InvestPortal.Web.Infrastructure.SvgMarkup;

namespace InvestPortal.Web.Landing;

/// <summary>
/// Draws a grouped horizontal bar chart as SVG on the server, as <see cref="Insight.SvgChart"/> draws lines: no
/// script, no inline style (colours are classes in site.css), every label escaped by XmlWriter, role="img" with
/// a title and description. Horizontal bars leave room for long city and sector names in all three languages.
/// A category whose values are null (too few interests to show) gets its label and a note instead of bars.
/// </summary>
public static class SvgBarChart
{
    public const string Ns = InvestPortal.Web.Infrastructure.SvgMarkup.Ns;
    public const int Width = 720;
    private const int Left = 190, Right = 56, Top = 40, Bottom = 28, BarHeight = 9, BarGap = 2, GroupGap = 12;

    public static string Render(BarChartData chart)
    {
        if (chart.Categories.Count == 0) throw new ArgumentException("A chart needs at least one category.", nameof(chart));
        if (chart.Series.Any(s => s.Values.Count != chart.Categories.Count))
            throw new ArgumentException("Every series needs one value per category.", nameof(chart));
        var ci = Infrastructure.Formatting.CultureInfoFor(chart.Culture);
        var (step, max) = Insight.SvgChart.Scale(chart.Series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        var groupHeight = chart.Series.Count * (BarHeight + BarGap) - BarGap;
        var height = Top + chart.Categories.Count * (groupHeight + GroupGap) + Bottom;
        double plotW = Width - Left - Right;
        double X(int v) => Left + plotW * v / max;

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            w.WriteStartElement("svg", Ns);
            Attr(w, "class", "chart chart-bars");
            Attr(w, "viewBox", $"0 0 {Width} {height}");
            Attr(w, "role", "img");
            Attr(w, "aria-labelledby", $"{chart.Id}-title {chart.Id}-desc");
            Attr(w, "preserveAspectRatio", "xMidYMid meet");
            Element(w, "title", chart.Title, ("id", $"{chart.Id}-title"));
            Element(w, "desc", chart.Description, ("id", $"{chart.Id}-desc"));

            w.WriteStartElement("g", Ns);
            Attr(w, "class", "chart-grid");
            for (var g = 0; g <= 4; g++)
            {
                var x = Num(X(step * g));
                Empty(w, "line", ("x1", x), ("x2", x), ("y1", Num(Top - 4)), ("y2", Num(height - Bottom)), ("class", g == 0 ? "chart-axis" : "chart-gridline"));
                Element(w, "text", (step * g).ToString("N0", ci), ("x", x), ("y", Num(height - Bottom + 16)), ("text-anchor", "middle"), ("class", "chart-label"));
            }
            w.WriteEndElement();

            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var top = Top + c * (groupHeight + GroupGap);
                w.WriteStartElement("g", Ns);
                Attr(w, "class", "chart-group");
                Element(w, "text", Shorten(chart.Categories[c]), ("x", Num(Left - 8)), ("y", Num(top + groupHeight / 2.0 + 4)),
                    ("text-anchor", "end"), ("class", "chart-label"));
                if (chart.Series.All(s => s.Values[c] is null))
                {
                    Element(w, "text", chart.HiddenLabel ?? "–", ("x", Num(Left + 6)), ("y", Num(top + groupHeight / 2.0 + 4)), ("class", "chart-label chart-muted"));
                }
                else
                {
                    for (var s = 0; s < chart.Series.Count; s++)
                    {
                        var value = chart.Series[s].Values[c] ?? 0;
                        var y = top + s * (BarHeight + BarGap);
                        Empty(w, "rect", ("x", Num(Left)), ("y", Num(y)), ("width", Num(Math.Max(value == 0 ? 0 : 1, X(value) - Left))),
                            ("height", BarHeight.ToString(CultureInfo.InvariantCulture)), ("class", $"chart-bar {chart.Series[s].CssClass}"));
                        Element(w, "text", value.ToString("N0", ci), ("x", Num(X(value) + 4)), ("y", Num(y + BarHeight - 1)), ("class", "chart-label chart-value"));
                    }
                }
                w.WriteEndElement();
            }

            w.WriteStartElement("g", Ns);
            Attr(w, "class", "chart-legend");
            var lx = 8.0;
            foreach (var series in chart.Series)
            {
                Empty(w, "rect", ("x", Num(lx)), ("y", "10"), ("width", "14"), ("height", "14"), ("class", $"chart-swatch {series.CssClass}"));
                Element(w, "text", series.Name, ("x", Num(lx + 20)), ("y", "22"), ("class", "chart-label"));
                lx += 34 + series.Name.Length * (series.Name.Any(ch => ch > 0x2E80) ? 14 : 8);
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    // The table beside the chart has the full name; the chart keeps its left column readable.
    private static string Shorten(string label) => label.Length <= 24 ? label : label[..23] + "…";
}
