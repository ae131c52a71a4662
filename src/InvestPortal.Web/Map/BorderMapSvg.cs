using System.Globalization;
using System.Text;
using System.Xml;
using static InvestPortal.Web.Infrastructure.SvgMarkup;

namespace InvestPortal.Web.Map;

/// <summary>
/// Draws the map of Heilongjiang as inline SVG on the server: no script, no tiles, no request off the machine, no
/// inline style (the CSP forbids it; colours are classes in site.css). The geometry paths come precomputed from
/// <see cref="MapGeometry"/>; a page adds its bubbles (published listings per location, each a link to the filtered
/// search), the crossings by kind (each a link) and, on a detail page, the listing's own point.
/// <para>
/// The root is <c>role="group"</c> named by its title and described by its description rather than <c>role="img"</c>:
/// an image's content is presentational, which would hide the links inside it from screen readers (axe:
/// nested-interactive). The base drawing, whose facts the list beside the map repeats, is hidden from them.
/// </para>
/// </summary>
public sealed class BorderMapSvg(MapGeometry geometry)
{
    public const string Ns = InvestPortal.Web.Infrastructure.SvgMarkup.Ns;
    private const double FontSize = 12, SmallFontSize = 11;
    private const double MaxBubble = 26, MinBubble = 5;

    public MapGeometry Geometry => geometry;

    /// <summary>Bubble radius: area grows with the count (so 4 listings look twice as big as 1), capped so Harbin does not cover its neighbours.</summary>
    public static double BubbleRadius(int count) => count <= 0 ? 3 : Math.Min(MaxBubble, MinBubble + 3 * Math.Sqrt(count));

    public string Render(BorderMap map)
    {
        var projection = geometry.Projection;
        var labels = new LabelPlacer(projection.Width, projection.Height);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, ConformanceLevel = ConformanceLevel.Fragment }))
        {
            w.WriteStartElement("svg", Ns);
            Attr(w, "class", "border-map-svg");
            Attr(w, "viewBox", $"0 0 {Num(projection.Width)} {Num(projection.Height)}");
            Attr(w, "role", "group");
            Attr(w, "aria-labelledby", $"{map.Id}-title");
            Attr(w, "aria-describedby", $"{map.Id}-desc");
            Attr(w, "preserveAspectRatio", "xMidYMid meet");
            Element(w, "title", map.Title, ("id", $"{map.Id}-title"));
            Element(w, "desc", map.Description, ("id", $"{map.Id}-desc"));

            w.WriteStartElement("g", Ns);
            Attr(w, "class", "map-base");
            Attr(w, "aria-hidden", "true");
            Empty(w, "rect", ("x", "0"), ("y", "0"), ("width", Num(projection.Width)), ("height", Num(projection.Height)), ("class", "map-sea"));
            Empty(w, "path", ("d", geometry.China), ("class", "map-china"));
            Empty(w, "path", ("d", geometry.Russia), ("class", "map-russia"));
            Empty(w, "path", ("d", geometry.Province), ("class", "map-province"));
            Empty(w, "path", ("d", geometry.Rivers), ("class", "map-river"));
            Empty(w, "path", ("d", geometry.Border), ("class", "map-border"));
            // Names of the countries and rivers at fixed places: on the Russian bank, clear of the cities.
            FixedLabel(w, labels, map.Texts.Russia, 129.2, 52.6, "map-country");
            FixedLabel(w, labels, map.Texts.China, 122.6, 50.6, "map-country");
            FixedLabel(w, labels, map.Texts.Amur, 129.6, 49.75, "map-river-name");
            FixedLabel(w, labels, map.Texts.Ussuri, 134.1, 45.3, "map-river-name");
            FixedLabel(w, labels, map.Texts.Songhua, 128.0, 46.55, "map-river-name");
            // Places without listings: a dot and the name, not a link (the list beside the map names them too).
            foreach (var place in map.Places.Where(p => p.Href is null))
            {
                var (x, y) = projection.Project(place.Longitude, place.Latitude);
                Empty(w, "circle", ("cx", Num(x)), ("cy", Num(y)), ("r", "3"), ("class", "map-city"));
                labels.Reserve(x - 3, y - 3, 6, 6);
                PlaceText(w, labels, place.Name, x, y, 3, SmallFontSize, "map-label map-label-quiet");
            }
            w.WriteEndElement();

            w.WriteStartElement("g", Ns);
            Attr(w, "class", "map-places");
            // Largest first, so a small bubble is never hidden under a big one.
            foreach (var place in map.Places.Where(p => p.Href is not null).OrderByDescending(p => p.Count).ThenBy(p => p.Code, StringComparer.Ordinal))
            {
                var (x, y) = projection.Project(place.Longitude, place.Latitude);
                var r = BubbleRadius(place.Count);
                w.WriteStartElement("a", Ns);
                Attr(w, "href", place.Href!);
                Attr(w, "class", place.Selected ? "map-place on" : "map-place");
                if (place.Selected) Attr(w, "aria-current", "true");
                Element(w, "title", place.Title);
                Empty(w, "circle", ("cx", Num(x)), ("cy", Num(y)), ("r", Num(r)), ("class", "map-bubble"));
                labels.Reserve(x - r, y - r, 2 * r, 2 * r);
                PlaceText(w, labels, $"{place.Name} {place.CountText}", x, y, r, FontSize, "map-label");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("g", Ns);
            Attr(w, "class", "map-crossings");
            foreach (var crossing in map.Crossings)
            {
                var (x, y) = projection.Project(crossing.Longitude, crossing.Latitude);
                w.WriteStartElement("a", Ns);
                Attr(w, "href", crossing.Href);
                Attr(w, "class", "map-crossing");
                Element(w, "title", string.IsNullOrEmpty(crossing.DistanceText)
                    ? $"{crossing.Name} ({crossing.KindsText})"
                    : $"{crossing.Name} ({crossing.KindsText}), {crossing.DistanceText}");
                Symbol(w, crossing.Symbol, x, y);
                labels.Reserve(x - 6, y - 6, 12, 12);
                PlaceText(w, labels, crossing.ShortName, x, y, 6, SmallFontSize, "map-label map-label-crossing");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            if (map.Listing is { } listing)
            {
                var (x, y) = projection.Project(listing.Longitude, listing.Latitude);
                w.WriteStartElement("g", Ns);
                Attr(w, "class", "map-listing");
                Empty(w, "circle", ("cx", Num(x)), ("cy", Num(y)), ("r", "7"), ("class", "map-listing-point"));
                Empty(w, "circle", ("cx", Num(x)), ("cy", Num(y)), ("r", "2.5"), ("class", "map-listing-centre"));
                labels.Reserve(x - 7, y - 7, 14, 14);
                PlaceText(w, labels, listing.Name, x, y, 7, FontSize, "map-label map-label-listing");
                w.WriteEndElement();
            }

            Legend(w, map);
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    private void Legend(XmlWriter w, BorderMap map)
    {
        var height = geometry.Projection.Height;
        var rows = new List<(string Kind, string Text)> { ("bubble", map.Texts.LegendListings) };
        if (map.Listing is not null) rows.Add(("listing", map.Texts.LegendListing));
        rows.AddRange(Enum.GetValues<CrossingSymbol>().Select(s => (s.ToString(), map.Texts.Symbols[s])));
        const double row = 19, pad = 8;
        var width = 2 * pad + 22 + rows.Max(r => TextWidth(r.Text, SmallFontSize));
        var top = height - pad - rows.Count * row - 2 * pad;
        w.WriteStartElement("g", Ns);
        Attr(w, "class", "map-legend");
        Attr(w, "aria-hidden", "true");
        Empty(w, "rect", ("x", Num(pad)), ("y", Num(top)), ("width", Num(width)), ("height", Num(rows.Count * row + 2 * pad)), ("rx", "4"), ("class", "map-legend-box"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (kind, text) = rows[i];
            double cx = 2 * pad + 7, cy = top + pad + row * i + row / 2;
            switch (kind)
            {
                case "bubble": Empty(w, "circle", ("cx", Num(cx)), ("cy", Num(cy)), ("r", "7"), ("class", "map-bubble")); break;
                case "listing": Empty(w, "circle", ("cx", Num(cx)), ("cy", Num(cy)), ("r", "6"), ("class", "map-listing-point")); break;
                default: Symbol(w, Enum.Parse<CrossingSymbol>(kind), cx, cy); break;
            }
            Element(w, "text", text, ("x", Num(cx + 14)), ("y", Num(cy + 4)), ("class", "map-legend-text"));
        }
        w.WriteEndElement();
    }

    private static void Symbol(XmlWriter w, CrossingSymbol symbol, double x, double y)
    {
        var cls = $"map-symbol map-symbol-{symbol.ToString().ToLowerInvariant()}";
        switch (symbol)
        {
            case CrossingSymbol.Rail:
                Empty(w, "rect", ("x", Num(x - 5.5)), ("y", Num(y - 5.5)), ("width", "11"), ("height", "11"), ("class", cls));
                break;
            case CrossingSymbol.Road:
                Empty(w, "path", ("d", $"M{Num(x)} {Num(y - 7)}L{Num(x + 7)} {Num(y)}L{Num(x)} {Num(y + 7)}L{Num(x - 7)} {Num(y)}Z"), ("class", cls));
                break;
            case CrossingSymbol.RiverPort:
            case CrossingSymbol.Seasonal:
                Empty(w, "path", ("d", $"M{Num(x)} {Num(y - 7)}L{Num(x + 7)} {Num(y + 5.5)}L{Num(x - 7)} {Num(y + 5.5)}Z"), ("class", cls));
                break;
        }
    }

    private void FixedLabel(XmlWriter w, LabelPlacer labels, string text, double longitude, double latitude, string cls)
    {
        var (x, y) = geometry.Projection.Project(longitude, latitude);
        var width = TextWidth(text, FontSize);
        labels.Reserve(x - width / 2, y - FontSize, width, FontSize + 3);
        Element(w, "text", text, ("x", Num(x)), ("y", Num(y)), ("text-anchor", "middle"), ("class", cls));
    }

    private static void PlaceText(XmlWriter w, LabelPlacer labels, string text, double x, double y, double r, double size, string cls)
    {
        var (tx, ty, anchor) = labels.Place(text, x, y, r, size);
        Element(w, "text", text, ("x", Num(tx)), ("y", Num(ty)), ("text-anchor", anchor), ("class", cls));
    }

    /// <summary>A width estimate good enough to keep labels apart: CJK characters are square, others a little over half as wide.</summary>
    public static double TextWidth(string text, double size) =>
        text.Sum(c => c >= '\u2E80' ? size : c == ' ' ? size * 0.3 : size * 0.6);


    /// <summary>
    /// Puts each label right, left, above or below its symbol (then the same a little further out), whichever first
    /// overlaps nothing placed before and stays inside the frame (right of the symbol when none does): enough for the twenty-odd labels of this map, no layout engine needed.
    /// </summary>
    private sealed class LabelPlacer(double width, double height)
    {
        private readonly List<(double X, double Y, double W, double H)> taken = [];

        public void Reserve(double x, double y, double w, double h) => taken.Add((x, y, w, h));

        public (double X, double Y, string Anchor) Place(string text, double x, double y, double r, double size)
        {
            var w = TextWidth(text, size);
            // Close to the symbol first; then a little further out, where a neighbour's bubble (a city and its crossing share a bank) leaves room.
            var candidates = new[] { r + 3, r + 14, r + 28 }.SelectMany(d => new (double X, double Y, string Anchor, double Left)[]
            {
                (x + d, y + size / 3, "start", x + d),
                (x - d, y + size / 3, "end", x - d - w),
                (x, y - d, "middle", x - w / 2),
                (x, y + d + size - 2, "middle", x - w / 2),
            }).ToArray();
            foreach (var c in candidates)
            {
                var box = (X: c.Left, Y: c.Y - size, W: w, H: size + 2);
                if (box.X < 0 || box.X + box.W > width || box.Y < 0 || box.Y + box.H > height) continue;
                if (taken.Any(t => box.X < t.X + t.W && t.X < box.X + box.W && box.Y < t.Y + t.H && t.Y < box.Y + box.H)) continue;
                taken.Add(box);
                return (c.X, c.Y, c.Anchor);
            }
            var fallback = x + r + 3 + w <= width ? candidates[0] : candidates[1];
            taken.Add((fallback.Left, fallback.Y - size, w, size + 2));
            return (fallback.X, fallback.Y, fallback.Anchor);
        }
    }
}
