namespace InvestPortal.Web.Map;

/// <summary>
/// Equirectangular projection with one standard parallel through the middle of the frame: a degree of longitude is
/// cos(φ₀) of a degree of latitude wide, so the province is not stretched east–west (at 48.5 °N the error at the edges
/// of a 11° tall frame is under 7 %, far below what a locator map needs). Screen y grows southwards.
/// </summary>
public sealed class MapProjection
{
    public MapProjection(double west, double south, double east, double north, double width)
    {
        if (!(east > west) || !(north > south) || !(width > 0)) throw new ArgumentException("The frame must have a positive size.");
        West = west;
        North = north;
        var standardParallel = (south + north) / 2 * Math.PI / 180;
        Aspect = Math.Cos(standardParallel);
        Scale = width / ((east - west) * Aspect);
        Width = width;
        Height = (north - south) * Scale;
    }

    public double West { get; }
    public double North { get; }
    /// <summary>cos φ₀: how much narrower a degree of longitude is than a degree of latitude.</summary>
    public double Aspect { get; }
    /// <summary>Screen units per degree of latitude.</summary>
    public double Scale { get; }
    public double Width { get; }
    public double Height { get; }

    public (double X, double Y) Project(double longitude, double latitude) =>
        ((longitude - West) * Aspect * Scale, (North - latitude) * Scale);

    public bool Contains(double longitude, double latitude)
    {
        var (x, y) = Project(longitude, latitude);
        return x >= 0 && x <= Width && y >= 0 && y <= Height;
    }
}
