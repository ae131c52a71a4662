using System.Globalization;
using System.Text;
using System.Xml;
using static InvestPortal.Web.Infrastructure.SvgMarkup;

namespace InvestPortal.Web.Insight;

/// <summary>
/// Draws a daily line chart as SVG on the server: no script, no third-party library, no inline
/// style (the CSP forbids it); colours come from classes in site.css. Written with XmlWriter so
/// every label is escaped and the output is well-formed XML. The SVG is role="img" with a title
/// and description; the page puts the same numbers in a table for screen readers.
/// </summary>
public static class SvgChart
{
    public const string Ns = InvestPortal.Web.Infrastructure.SvgMarkup.Ns;
    public const int Width = 720;
    public const int Height = 280;
    private const int Left = 52, Right = 16, Top = 36, Bottom = 44;
    private const int GridLines = 4;
    private const int MaxDateLabels = 8;
    private static readonly int[] StepMultipliers = [1, 2, 5, 10];

    public static string Render(ChartData chart)
    {
        if (chart.Days.Count == 0) throw new ArgumentException("A chart needs at least one day.", nameof(chart));
        if (chart.Series.Any(s => s.Values.Count != chart.Days.Count))
            throw new ArgumentException("Every series needs one value per day.", nameof(chart));
        var ci = Infrastructure.Formatting.CultureInfoFor(chart.Culture);
        var (step, max) = Scale(chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int i) => chart.Days.Count == 1 ? Left + plotW / 2 : Left + plotW * i / (chart.Days.Count - 1);
        double Y(int v) => Top + plotH - plotH * v / max;

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            w.WriteStartElement("svg", Ns);
            Attr(w, "class", "chart");
            Attr(w, "viewBox", $"0 0 {Width} {Height}");
            Attr(w, "role", "img");
            Attr(w, "aria-labelledby", $"{chart.Id}-title {chart.Id}-desc");
            Attr(w, "preserveAspectRatio", "xMidYMid meet");
            Element(w, "title", chart.Title, ("id", $"{chart.Id}-title"));
            Element(w, "desc", chart.Description, ("id", $"{chart.Id}-desc"));

            // Gridlines and y labels: GridLines equal steps of a round number.
            w.WriteStartElement("g", Ns);
            Attr(w, "class", "chart-grid");
            for (var g = 0; g <= GridLines; g++)
            {
                var value = step * g;
                var y = Num(Y(value));
                Empty(w, "line", ("x1", Num(Left)), ("x2", Num(Width - Right)), ("y1", y), ("y2", y),
                    ("class", g == 0 ? "chart-axis" : "chart-gridline"));
                Element(w, "text", value.ToString("N0", ci), ("x", Num(Left - 6)), ("y", Num(Y(value) + 4)), ("text-anchor", "end"), ("class", "chart-label"));
            }
            Empty(w, "line", ("x1", Num(Left)), ("x2", Num(Left)), ("y1", Num(Top)), ("y2", Num(Top + plotH)), ("class", "chart-axis"));
            w.WriteEndElement();

            // Date labels: at most MaxDateLabels, evenly spaced, always including the last day.
            w.WriteStartElement("g", Ns);
            Attr(w, "class", "chart-dates");
            var every = Math.Max(1, (int)Math.Ceiling(chart.Days.Count / (double)MaxDateLabels));
            for (var i = 0; i < chart.Days.Count; i++)
            {
                var last = i == chart.Days.Count - 1;
                if (i % every != 0 && !last) continue;
                if (!last && chart.Days.Count - 1 - i < every / 2.0 && i != 0) continue; // would collide with the last label
                Element(w, "text", DateLabel(chart.Days[i], chart.Culture, ci), ("x", Num(X(i))), ("y", Num(Height - Bottom + 18)),
                    ("text-anchor", chart.Days.Count == 1 ? "middle" : i == 0 ? "start" : last ? "end" : "middle"), ("class", "chart-label"));
            }
            w.WriteEndElement();

            foreach (var series in chart.Series)
            {
                w.WriteStartElement("g", Ns);
                Attr(w, "class", $"chart-series {series.CssClass}");
                var points = string.Join(" ", series.Values.Select((v, i) => $"{Num(X(i))},{Num(Y(v))}"));
                Empty(w, "polyline", ("points", points), ("class", "chart-line"), ("fill", "none"));
                for (var i = 0; i < series.Values.Count; i++)
                    Empty(w, "circle", ("cx", Num(X(i))), ("cy", Num(Y(series.Values[i]))), ("r", "2.5"), ("class", "chart-dot"));
                w.WriteEndElement();
            }

            // Legend across the top: a swatch and the series name each.
            w.WriteStartElement("g", Ns);
            Attr(w, "class", "chart-legend");
            var lx = (double)Left;
            foreach (var series in chart.Series)
            {
                Empty(w, "rect", ("x", Num(lx)), ("y", "10"), ("width", "14"), ("height", "14"), ("class", $"chart-swatch {series.CssClass}"));
                Element(w, "text", series.Name, ("x", Num(lx + 20)), ("y", "22"), ("class", "chart-label"));
                lx += 34 + series.Name.Length * 9;
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    /// <summary>Short day labels as each readership writes them: 11月28日, 28.11, Nov 28.</summary>
    public static string DateLabel(DateOnly day, string culture, CultureInfo ci) => culture switch
    {
        Core.Domain.Cultures.Zh => day.ToString("M月d日", ci),
        Core.Domain.Cultures.Ru => day.ToString("dd.MM", ci),
        _ => day.ToString("MMM d", ci),
    };

    /// <summary>A round gridline step (1, 2 or 5 × 10ⁿ) so GridLines steps cover the maximum; all zeros still get a scale of 0–4.</summary>
    public static (int Step, int Max) Scale(int maximum)
    {
        var raw = Math.Max(1, (int)Math.Ceiling(maximum / (double)GridLines));
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = StepMultipliers.Select(m => m * magnitude).First(s => s >= raw);
        return (step, step * GridLines);
    }
}
