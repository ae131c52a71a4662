using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InvestPortal.Web.Map;

/// <summary>
/// The static part of the map: content/map/heilongjiang.json (Natural Earth, cut and simplified by
/// tools/map/build-map.mjs) projected once into SVG path strings when the portal starts, so a page only adds its
/// bubbles and crossings.
/// </summary>
public sealed class MapGeometry
{
    public const double Width = 600;

    public MapGeometry(MapProjection projection, string china, string russia, string province, string border, string rivers)
    {
        Projection = projection;
        China = china;
        Russia = russia;
        Province = province;
        Border = border;
        Rivers = rivers;
    }

    public MapProjection Projection { get; }
    public string China { get; }
    public string Russia { get; }
    public string Province { get; }
    /// <summary>The state border between China and Russia (most of it runs in the Amur and the Ussuri).</summary>
    public string Border { get; }
    public string Rivers { get; }

    public static MapGeometry Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var frame = root.GetProperty("frame").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        if (frame.Length != 4) throw new InvalidDataException($"{path}: \"frame\" must be [west, south, east, north].");
        var projection = new MapProjection(frame[0], frame[1], frame[2], frame[3], Width);
        string Path(string layer, bool closed) => ToPath(projection, Parts(root, layer, path), closed);
        return new MapGeometry(projection, Path("china", true), Path("russia", true), Path("province", true),
            Path("border", false), Path("rivers", false));
    }

    private static IEnumerable<double[][]> Parts(JsonElement root, string layer, string path)
    {
        if (!root.TryGetProperty(layer, out var parts)) throw new InvalidDataException($"{path}: no \"{layer}\" layer.");
        return parts.EnumerateArray().Select(part => part.EnumerateArray()
            .Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray());
    }

    /// <summary>Each ring or line as one subpath: M x y L x y … (Z for areas), one decimal of a screen unit.</summary>
    public static string ToPath(MapProjection projection, IEnumerable<double[][]> parts, bool closed)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Length; i++)
            {
                var (x, y) = projection.Project(part[i][0], part[i][1]);
                sb.Append(i == 0 ? (sb.Length == 0 ? "M" : " M") : "L").Append(Num(x)).Append(' ').Append(Num(y));
            }
            if (closed && part.Length > 0) sb.Append('Z');
        }
        return sb.ToString();
    }

    public static string Num(double value) => Infrastructure.SvgMarkup.Num(value);
}
