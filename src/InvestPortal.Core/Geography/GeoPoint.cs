namespace InvestPortal.Core.Geography;

/// <summary>A point on the earth in WGS 84 degrees (latitude north, longitude east).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>
    /// The IUGG mean earth radius. A sphere is off by up to about 0.5 % against the ellipsoid: a few hundred metres
    /// over the 150 km the portal's filters reach, well inside what "straight-line distance" promises.
    /// </summary>
    public const double EarthRadiusKm = 6371.0088;

    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && double.IsFinite(Latitude) && double.IsFinite(Longitude);

    /// <summary>Great-circle distance in kilometres by the haversine formula (stable for short distances, unlike the law of cosines).</summary>
    public double DistanceKm(GeoPoint other)
    {
        var φ1 = ToRadians(Latitude);
        var φ2 = ToRadians(other.Latitude);
        var Δφ = φ2 - φ1;
        var Δλ = ToRadians(other.Longitude - Longitude);
        var a = Math.Sin(Δφ / 2) * Math.Sin(Δφ / 2) + Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(Δλ / 2) * Math.Sin(Δλ / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.#####}, {Longitude:0.#####}");
}
