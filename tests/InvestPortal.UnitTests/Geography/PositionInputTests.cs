using System.Text;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Import;
using InvestPortal.Core.Publishing;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;
using Xunit;

namespace InvestPortal.UnitTests.Geography;

/// <summary>The official's optional point: the editor and the importer apply the same rule, and approval carries it over.</summary>
public sealed class PositionInputTests
{
    private static readonly PortalTaxonomy Taxonomy = PortalTaxonomy.Load(Path.Combine(TestPaths.Content, "taxonomy.json"));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    [InlineData("47.65", "132.51")]
    [InlineData("47,65", "132,51")]
    [InlineData(" 45.8° ", "126.53")]
    public void Empty_or_a_point_in_the_province_is_accepted(string? latitude, string? longitude) =>
        Assert.Null(PositionInput.Check(latitude, longitude));

    [Theory]
    [InlineData("47.65", "", PositionField.Longitude, "Position.Error.BothOrNeither")]
    [InlineData("", "132.51", PositionField.Latitude, "Position.Error.BothOrNeither")]
    [InlineData("north", "132.51", PositionField.Latitude, "Position.Error.NotANumber")]
    [InlineData("47.65", "1e999", PositionField.Longitude, "Position.Error.NotANumber")]
    [InlineData("132.51", "47.65", PositionField.Latitude, "Position.Error.OffTheGlobe")]
    [InlineData("39.90", "116.40", PositionField.Latitude, "Position.Error.OutsideProvince")]
    public void Wrong_input_is_refused_with_the_field_and_the_reason(string latitude, string longitude, PositionField field, string key)
    {
        var problem = PositionInput.Check(latitude, longitude);
        Assert.Equal(new PositionProblem(field, key), problem);
        Assert.Null(PositionInput.Parse(latitude, longitude));
    }

    [Fact]
    public void A_listing_stands_at_its_own_point_or_else_at_its_location()
    {
        var o = new Opportunity { LocationCode = "231081" };
        Assert.Equal(Taxonomy.Location("231081")!.Position, ListingPosition.Of(o, Taxonomy));
        Assert.False(ListingPosition.IsOwn(o));
        (o.Latitude, o.Longitude) = (44.41, 131.19);
        Assert.Equal(new GeoPoint(44.41, 131.19), ListingPosition.Of(o, Taxonomy));
        Assert.True(ListingPosition.IsOwn(o));
    }

    [Fact]
    public void An_approved_revision_carries_the_point_and_names_it_as_changed()
    {
        var published = new Opportunity { SectorCode = "logistics", LocationCode = "230881" };
        var before = OpportunitySnapshot.Of(published);
        var edited = new Opportunity { SectorCode = "logistics", LocationCode = "230881", Latitude = 47.70, Longitude = 132.50 };
        var revision = OpportunitySnapshot.FromJson(OpportunitySnapshot.Of(edited).ToJson())!;
        Assert.Equal(["Position"], revision.ChangedFields(before));
        revision.Apply(published);
        Assert.Equal((47.70, 132.50), (published.Latitude!.Value, published.Longitude!.Value));
    }

    [Fact]
    public void A_revision_saved_before_points_existed_leaves_the_listing_at_its_location()
    {
        var o = new Opportunity { SectorCode = "logistics", LocationCode = "230881", Latitude = 47.70, Longitude = 132.50 };
        OpportunitySnapshot.FromJson("""{"sectorCode":"logistics","locationCode":"230881"}""")!.Apply(o);
        Assert.Null(o.Latitude);
        Assert.Null(o.Longitude);
    }

    private static ImportParseResult Parse(string position) => new ImportParser(Taxonomy).Parse(new StringReader(
        """{"externalRef":"GEO-1","status":"draft","sector":"logistics","location":"230881","title":{"en":"Tongjiang rail yard"},"summary":{"en":"s"},"description":{"en":"d"},"investment":{"total":1000000,"currency":"CNY"},"cooperationModes":["equity"],"organization":"Tongjiang","contactEmail":"a@example.org" """
        + position + "}\n"));

    [Fact]
    public void The_importer_takes_an_optional_position_in_the_province()
    {
        var ok = Parse(""","position":{"latitude":47.70,"longitude":132.50}""");
        Assert.Empty(ok.Errors);
        Assert.Equal(new GeoPoint(47.70, 132.50), Assert.IsType<OpportunityRecord>(Assert.Single(ok.Records)).Position);
        Assert.Null(Assert.IsType<OpportunityRecord>(Assert.Single(Parse("").Records)).Position);
    }

    [Theory]
    [InlineData(""","position":{"latitude":132.50,"longitude":47.70}""", "not a point on the globe")]
    [InlineData(""","position":{"latitude":39.9,"longitude":116.4}""", "is not in Heilongjiang")]
    [InlineData(""","position":[47.7,132.5]""", "decimal degrees")]
    public void The_importer_refuses_a_position_outside_the_province_naming_the_field(string position, string message)
    {
        var result = Parse(position);
        var error = Assert.Single(result.Errors);
        Assert.Equal("position", error.Field);
        Assert.Contains(message, error.Message);
        Assert.Empty(result.Records);
    }
}
