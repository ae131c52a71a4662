using InvestPortal.Core.Geography;
using Xunit;

namespace InvestPortal.UnitTests.Geography;

public sealed class HeilongjiangBoundsTests
{
    [Theory]
    [InlineData(45.80, 126.53)] // Harbin
    [InlineData(52.97, 122.54)] // Mohe
    [InlineData(51.733, 126.65)] // Huma, on the Amur
    [InlineData(48.36, 134.29)] // Fuyuan, on the Amur
    [InlineData(44.40, 131.15)] // Suifenhe
    public void Places_in_the_province_are_inside(double latitude, double longitude) =>
        Assert.True(HeilongjiangBounds.Contains(new GeoPoint(latitude, longitude)));

    [Theory]
    [InlineData(126.53, 45.80)] // Harbin with latitude and longitude swapped
    [InlineData(39.90, 116.40)] // Beijing
    [InlineData(55.75, 37.62)] // Moscow
    [InlineData(43.12, 131.89)] // Vladivostok
    [InlineData(53.99, 123.92)] // Skovorodino, north of the box
    [InlineData(51.0, 129.0)] // Amur oblast north of the river: cut off by the Amur line
    [InlineData(43.90, 125.32)] // Changchun, Jilin: under the Jilin line
    [InlineData(-45.80, 126.53)] // southern hemisphere
    public void Places_outside_are_refused(double latitude, double longitude) =>
        Assert.False(HeilongjiangBounds.Contains(new GeoPoint(latitude, longitude)));
}
