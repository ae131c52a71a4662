using InvestPortal.Core.Geography;
using Xunit;

namespace InvestPortal.UnitTests.Geography;

public sealed class GeoPointTests
{
    [Fact]
    public void One_degree_along_a_meridian_is_the_radius_times_one_degree_in_radians()
    {
        // By hand: along a meridian the haversine reduces to R·Δφ. Δφ = 1° = π/180 = 0.0174532925 rad;
        // 6371.0088 km × 0.0174532925 = 111.19508 km.
        var d = new GeoPoint(45, 127).DistanceKm(new GeoPoint(46, 127));
        Assert.Equal(111.19508, d, 0.00001);
    }

    [Fact]
    public void One_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude()
    {
        // By hand, on the equator one degree of longitude is the same 111.19508 km; at 60° N, where cos φ = 0.5, the
        // great circle between two points one degree apart is a hair shorter than the parallel's 55.5975 km:
        // a = cos²φ·sin²(Δλ/2) = 0.25 × sin²(0.5°) = 0.25 × 7.6152e-5 = 1.9038e-5; d = 2R·asin(√a)
        // = 2 × 6371.0088 × asin(0.0043633) = 2 × 6371.0088 × 0.0043633 = 55.5975 km (asin x ≈ x here).
        Assert.Equal(111.19508, new GeoPoint(0, 10).DistanceKm(new GeoPoint(0, 11)), 0.00001);
        Assert.Equal(55.5975, new GeoPoint(60, 10).DistanceKm(new GeoPoint(60, 11)), 0.001);
    }

    [Fact]
    public void Heihe_river_port_to_the_road_bridge_is_about_seven_kilometres()
    {
        // By hand (equirectangular, exact to metres at this size): Δφ = 50.2011 − 50.248 = −0.0469° = −0.00081856 rad;
        // Δλ = 127.6005 − 127.5337 = 0.0668° = 0.00116588 rad; cos(mean φ 50.22455°) = 0.63993;
        // x = 0.00116588 × 0.63993 = 0.00074608; d = 6371.0088 × √(0.00074608² + 0.00081856²)
        // = 6371.0088 × √(5.5664e-7 + 6.7004e-7) = 6371.0088 × 0.0011076 = 7.056 km.
        var port = new GeoPoint(50.248, 127.5337);
        var bridge = new GeoPoint(50.2011, 127.6005);
        Assert.Equal(7.056, port.DistanceKm(bridge), 0.002);
        Assert.Equal(port.DistanceKm(bridge), bridge.DistanceKm(port), 1e-9);
    }

    [Fact]
    public void Harbin_to_the_Suifenhe_rail_crossing_by_the_haversine_written_out()
    {
        // By hand: φ1 = 45.80°, φ2 = 44.4106°, Δφ = −1.3894° = −0.0242496 rad, Δλ = 131.1928 − 126.53 = 4.6628° = 0.0813812 rad.
        // sin²(Δφ/2) = sin²(−0.0121248) = 0.00014700; cos φ1 = 0.697165; cos φ2 = 0.714343; sin²(Δλ/2) = sin²(0.0406906) = 0.00165481.
        // a = 0.00014700 + 0.697165 × 0.714343 × 0.00165481 = 0.00014700 + 0.00082412 = 0.00097113.
        // d = 2 × 6371.0088 × asin(√0.00097113) = 12742.0176 × asin(0.0311629) = 12742.0176 × 0.0311679 = 397.14 km.
        var d = new GeoPoint(45.80, 126.53).DistanceKm(new GeoPoint(44.4106, 131.1928));
        Assert.Equal(397.14, d, 0.01);
    }

    [Fact]
    public void A_point_is_no_distance_from_itself()
    {
        var p = new GeoPoint(47.65, 132.51);
        Assert.Equal(0, p.DistanceKm(p));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 181)]
    [InlineData(double.NaN, 0)]
    public void Coordinates_off_the_globe_are_not_valid(double latitude, double longitude) =>
        Assert.False(new GeoPoint(latitude, longitude).IsValid);
}
