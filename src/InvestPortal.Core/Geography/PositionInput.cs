using System.Globalization;

namespace InvestPortal.Core.Geography;

/// <summary>
/// An optional point typed by an official (editor) or given in an import line: both coordinates or neither, decimal
/// degrees (a comma is taken as the decimal mark, as many keyboards write it), inside the province
/// (<see cref="HeilongjiangBounds"/>). The same rule for the editor and the importer, so both refuse the same input.
/// </summary>
public static class PositionInput
{
    /// <summary>What is wrong and where, or null when the input is fine (including empty).</summary>
    public static PositionProblem? Check(string? latitude, string? longitude)
    {
        var (hasLat, hasLon) = (!string.IsNullOrWhiteSpace(latitude), !string.IsNullOrWhiteSpace(longitude));
        if (!hasLat && !hasLon) return null;
        if (!hasLat) return new(PositionField.Latitude, "Position.Error.BothOrNeither");
        if (!hasLon) return new(PositionField.Longitude, "Position.Error.BothOrNeither");
        if (Number(latitude) is not { } lat) return new(PositionField.Latitude, "Position.Error.NotANumber");
        if (Number(longitude) is not { } lon) return new(PositionField.Longitude, "Position.Error.NotANumber");
        return Check(lat, lon);
    }

    public static PositionProblem? Check(double latitude, double longitude)
    {
        var point = new GeoPoint(latitude, longitude);
        if (!point.IsValid) return new(latitude is < -90 or > 90 ? PositionField.Latitude : PositionField.Longitude, "Position.Error.OffTheGlobe");
        return HeilongjiangBounds.Contains(point) ? null : new(PositionField.Latitude, "Position.Error.OutsideProvince");
    }

    /// <summary>The point when the input is valid and not empty.</summary>
    public static GeoPoint? Parse(string? latitude, string? longitude) =>
        Check(latitude, longitude) is null && Number(latitude) is { } lat && Number(longitude) is { } lon ? new GeoPoint(lat, lon) : null;

    private static double? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = text.Trim().Replace(',', '.').Replace('，', '.').Replace("°", "", StringComparison.Ordinal);
        return double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? Math.Round(value, 6) : null;
    }
}
