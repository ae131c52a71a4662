using InvestPortal.Testing;
using InvestPortal.Web.Map;

namespace InvestPortal.IntegrationTests.Map;

/// <summary>Unit tests of the map's projection and its committed geometry: no host, no database.</summary>
public sealed class MapProjectionTests
{
    // The frame of content/map/heilongjiang.json: 120.5–135.5 °E, 43–54 °N, drawn 600 units wide.
    private static readonly MapProjection Projection = new(120.5, 43.0, 135.5, 54.0, 600);

    [Fact]
    public void The_frame_corners_are_the_corners_of_the_view_box()
    {
        var (x0, y0) = Projection.Project(120.5, 54.0);
        var (x1, y1) = Projection.Project(135.5, 43.0);
        Assert.Equal(0, x0, 6);
        Assert.Equal(0, y0, 6);
        Assert.Equal(600, x1, 6);
        Assert.Equal(Projection.Height, y1, 6);
    }

    [Fact]
    public void Harbin_lands_where_the_formula_worked_by_hand_puts_it()
    {
        // cos 48.5° = 0.66262; 15° × 0.66262 = 9.9393 → 60.367 units per degree of latitude; the frame is 11° × 60.367 = 664.0 tall.
        // Harbin, 126.53 °E 45.80 °N: x = 6.03 × 0.66262 × 60.367 = 241.2; y = (54 − 45.8) × 60.367 = 495.0.
        var (x, y) = Projection.Project(126.53, 45.80);
        Assert.Equal(241.2, x, 1);
        Assert.Equal(495.0, y, 1);
        Assert.Equal(664.0, Projection.Height, 1);
    }

    [Fact]
    public void A_degree_of_longitude_is_drawn_narrower_than_a_degree_of_latitude_by_the_cosine_of_the_middle_latitude()
    {
        var (xa, ya) = Projection.Project(127, 48);
        var (xb, _) = Projection.Project(128, 48);
        var (_, yc) = Projection.Project(127, 47);
        Assert.Equal(Math.Cos(48.5 * Math.PI / 180), (xb - xa) / (yc - ya), 6);
    }

    [Fact]
    public void North_is_up_and_east_is_right()
    {
        var (_, heihe) = Projection.Project(127.5, 50.25);
        var (_, harbin) = Projection.Project(126.53, 45.8);
        Assert.True(heihe < harbin, "Heihe, further north, is drawn above Harbin");
        var (fuyuan, _) = Projection.Project(134.29, 48.36);
        var (qiqihar, _) = Projection.Project(123.92, 47.35);
        Assert.True(fuyuan > qiqihar, "Fuyuan, further east, is drawn right of Qiqihar");
    }

    [Fact]
    public void The_committed_geometry_has_every_layer_inside_the_view_box_and_the_border_runs_past_Heihe_and_Fuyuan()
    {
        var geometry = MapGeometry.Load(Path.Combine(TestPaths.Content, "map", "heilongjiang.json"));
        foreach (var path in new[] { geometry.China, geometry.Russia, geometry.Province, geometry.Border, geometry.Rivers })
        {
            var points = Points(path);
            Assert.NotEmpty(points);
            Assert.All(points, p => Assert.True(p.X is >= -0.1 and <= 600.1 && p.Y >= -0.1 && p.Y <= geometry.Projection.Height + 0.1, $"{p} outside the view box"));
        }
        // The state border follows the Amur past Heihe and meets the Ussuri at Fuyuan (both on the river bank).
        var border = Points(geometry.Border);
        foreach (var (lon, lat) in new[] { (127.53, 50.25), (134.29, 48.36) })
        {
            var (x, y) = geometry.Projection.Project(lon, lat);
            var nearest = border.Min(p => double.Hypot(p.X - x, p.Y - y));
            Assert.True(nearest < 12, $"the border passes {nearest:0.0} units (over 20 km) from ({lon}, {lat})");
        }
        // Harbin is inside the outline of the province.
        var province = Points(geometry.Province);
        var (hx, hy) = geometry.Projection.Project(126.53, 45.8);
        Assert.InRange(hx, province.Min(p => p.X), province.Max(p => p.X));
        Assert.InRange(hy, province.Min(p => p.Y), province.Max(p => p.Y));
    }

    private static List<(double X, double Y)> Points(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"[ML](-?[\d.]+) (-?[\d.]+)")
            .Select(m => (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
