namespace InvestPortal.Core.Geography;

/// <summary>
/// Is a point in Heilongjiang? An approximation, said plainly: a latitude/longitude box around the province (its
/// extreme points are about 43.42°–53.56° N and 121.18°–135.09° E), cut by two rough lines: the Amur in the north-east
/// and the Jilin border in the south. The box alone would also take in parts of Inner Mongolia and Jilin and a good
/// stretch of Russia. The lines remove the worst of it, but Inner Mongolia west of the Nen river, Russian Primorye
/// east of the Ussuri (Bikin, even Khabarovsk) and the Russian bank opposite Heihe still pass, as can any point a few
/// tens of kilometres over the border. It catches what it is for: swapped latitude and longitude,
/// a sign error, a point in Beijing or Moscow. A real boundary polygon would need the province outline as data.
/// </summary>
public static class HeilongjiangBounds
{
    public const double MinLatitude = 43.42, MaxLatitude = 53.56, MinLongitude = 121.18, MaxLongitude = 135.09;

    public static bool Contains(GeoPoint p)
    {
        if (!p.IsValid || p.Latitude < MinLatitude || p.Latitude > MaxLatitude || p.Longitude < MinLongitude || p.Longitude > MaxLongitude)
            return false;
        // North-east corner: north and east of the Amur from Mohe to Fuyuan is Russia. The line below follows the
        // river loosely, kept a little on the Russian side so that river-bank towns (Huma, Heihe, Fuyuan) pass.
        if (p.Latitude > Along(AmurLine, p.Longitude, below: 90)) return false;
        // South: below the Jilin line (Songhua and Lalin rivers, the Zhangguangcai range) is Jilin.
        if (p.Latitude < Along(JilinLine, p.Longitude, below: 46.0)) return false;
        return true;
    }

    /// <summary>(longitude, latitude) vertices of the cut along the Amur, west to east; west of the first there is no cut.</summary>
    private static readonly (double Lon, double Lat)[] AmurLine =
        [(125.5, 53.8), (126.8, 52.1), (127.6, 50.7), (130.4, 49.3), (131.0, 48.1), (132.6, 48.0), (134.8, 48.75), (135.09, 48.9)];

    /// <summary>(longitude, latitude) vertices of the border with Jilin, kept a little on the Jilin side, west to east.</summary>
    private static readonly (double Lon, double Lat)[] JilinLine =
        [(123.0, 46.0), (124.5, 45.4), (126.0, 45.1), (127.0, 44.6), (128.0, 44.1), (129.0, 43.9), (130.5, 43.9), (131.3, 43.4)];

    /// <summary>The line's latitude at a longitude; west of its first vertex <paramref name="below"/>, east of its last the last latitude.</summary>
    private static double Along((double Lon, double Lat)[] line, double longitude, double below)
    {
        if (longitude <= line[0].Lon) return below;
        for (var i = 1; i < line.Length; i++)
        {
            var (x0, y0) = line[i - 1];
            var (x1, y1) = line[i];
            if (longitude <= x1) return y0 + (y1 - y0) * (longitude - x0) / (x1 - x0);
        }
        return line[^1].Lat;
    }
}
