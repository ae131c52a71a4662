using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Testing;
using Xunit;

namespace InvestPortal.UnitTests.Geography;

public sealed class BorderCrossingCorrectionTests
{
    private static readonly BorderCrossing Heihe =
        BorderCrossings.Load(Path.Combine(TestPaths.Content, "border-crossings.json")).FileVersion("heihe-blagoveshchensk")!;

    [Fact]
    public void Set_fields_override_the_file_and_the_rest_shows_through()
    {
        var corrected = new BorderCrossingCorrection
        {
            Code = Heihe.Code, NameEn = "Heihe crossing", CounterpartRu = "г. Благовещенск", Latitude = 50.2011, Longitude = 127.6005,
            Modes = CrossingModes.Road | CrossingModes.RiverPort, SourceNote = "Bridge checkpoint",
        }.ApplyTo(Heihe);
        Assert.Equal("Heihe crossing", corrected.Name(Cultures.En));
        Assert.Equal(Heihe.Name(Cultures.Zh), corrected.Name(Cultures.Zh));
        Assert.Equal("г. Благовещенск", corrected.CounterpartName(Cultures.Ru));
        Assert.Equal(Heihe.CounterpartName(Cultures.En), corrected.CounterpartName(Cultures.En));
        Assert.Equal(new GeoPoint(50.2011, 127.6005), corrected.Position);
        Assert.Equal(CrossingModes.Road | CrossingModes.RiverPort, corrected.Modes);
        Assert.Equal(Heihe.Aliases, corrected.Aliases);
        Assert.Null(BorderCrossings.Problem(corrected));
        // The note becomes the source of the facts it changes; the file's sources stay.
        var note = corrected.Sources[^1];
        Assert.Equal("Bridge checkpoint", note.Note);
        Assert.Equal(["position", "counterpart", "road", "riverPort"], note.Facts);
        Assert.Equal(Heihe.Sources.Count + 1, corrected.Sources.Count);
    }

    [Fact]
    public void An_empty_correction_is_the_file()
    {
        var empty = new BorderCrossingCorrection { Code = Heihe.Code };
        Assert.True(empty.IsEmpty);
        var same = empty.ApplyTo(Heihe);
        Assert.Equal((Heihe.Position, Heihe.Modes, Heihe.Name(Cultures.Ru)), (same.Position, same.Modes, same.Name(Cultures.Ru)));
        Assert.Same(Heihe.Sources, same.Sources);
        // Half a point is no point: the file's stays.
        Assert.Equal(Heihe.Position, new BorderCrossingCorrection { Code = Heihe.Code, Latitude = 47 }.ApplyTo(Heihe).Position);
    }
}
