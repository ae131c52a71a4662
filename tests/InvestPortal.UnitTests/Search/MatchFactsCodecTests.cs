using System.Text.Json;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Search;
using InvestPortal.Search.Lucene;
using Xunit;
using static InvestPortal.UnitTests.Search.SearchTestData;

namespace InvestPortal.UnitTests.Search;

/// <summary>
/// Matching reads each candidate's <c>_match</c> doc value with <see cref="MatchFactsCodec"/>: it must give back every
/// property the scorer and ranking could read, exactly as written, and still read the JSON older segments hold.
/// </summary>
public sealed class MatchFactsCodecTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly SearchDocumentBuilder _builder = new(SearchTestData.Semantics());

    [Fact]
    public void Built_documents_round_trip_without_their_texts()
    {
        var opportunities = Opportunities().Select(_builder.Build).OfType<OpportunityDocument>().ToList();
        Assert.NotEmpty(opportunities);
        foreach (var o in opportunities)
            Assert.Equal(Json(Facts(o)), Json(MatchFactsCodec.ReadOpportunity(MatchFactsCodec.Encode(o))!));
        var investors = Investors().Select(_builder.Build).OfType<InvestorDocument>().ToList();
        Assert.NotEmpty(investors);
        foreach (var i in investors)
            Assert.Equal(Json(Facts(i)), Json(MatchFactsCodec.ReadInvestor(MatchFactsCodec.Encode(i))!));
    }

    [Fact]
    public void Every_property_round_trips_set_and_unset()
    {
        foreach (var o in new[] { FullOpportunity(), new OpportunityDocument { Id = Guid.NewGuid(), ExternalRef = "", Sector = "", Location = "" } })
        {
            var read = MatchFactsCodec.ReadOpportunity(MatchFactsCodec.Encode(o))!;
            Assert.Equal(Json(Facts(o)), Json(read));
            Assert.Equal(o.PublishedAt.Offset, read.PublishedAt.Offset);
        }
        foreach (var i in new[] { FullInvestor(), new InvestorDocument { Id = Guid.NewGuid(), ExternalRef = "" } })
            Assert.Equal(Json(Facts(i)), Json(MatchFactsCodec.ReadInvestor(MatchFactsCodec.Encode(i))!));
    }

    [Fact]
    public void The_codec_knows_every_property_of_the_documents()
    {
        // A property added to a Core document must be added to MatchFactsCodec too (or here, if matching never reads it):
        // otherwise matching would silently see its default.
        string[] opportunity = ["Id", "ExternalRef", "Slug", "OriginalCulture", "Texts", "Labels", "Tags", "Sector", "Location",
            "LocationPath", "PartnerRegion", "Modes", "Stage", "Amount", "Currency", "AmountCny", "MinTicketCny", "PublishedAt",
            "Concepts", "IsDemo", "Position", "NearestCrossingKm", "CrossingBands", "NearbyCrossings", "CrossingBandKeys"];
        string[] investor = ["Id", "ExternalRef", "Slug", "OriginalCulture", "Texts", "Labels", "Kind", "Country", "HomeRegion",
            "Languages", "Sectors", "Locations", "LocationPath", "LocationScope", "Modes", "TicketMinCny", "TicketMaxCny",
            "Concepts", "UpdatedAt", "IsDemo"];
        Assert.Equal(opportunity.Order(), typeof(OpportunityDocument).GetProperties().Select(p => p.Name).Order());
        Assert.Equal(investor.Order(), typeof(InvestorDocument).GetProperties().Select(p => p.Name).Order());
    }

    [Fact]
    public void Json_facts_of_older_segments_are_still_read()
    {
        var o = FullOpportunity();
        Assert.Equal(Json(Facts(o)), Json(MatchFactsCodec.ReadOpportunity(JsonSerializer.SerializeToUtf8Bytes(Facts(o), Web))!));
        var i = FullInvestor();
        Assert.Equal(Json(Facts(i)), Json(MatchFactsCodec.ReadInvestor(JsonSerializer.SerializeToUtf8Bytes(Facts(i), Web))!));
        // An index older than the doc value: the whole document as JSON, texts included.
        Assert.Equal(o.Id, MatchFactsCodec.ReadOpportunity(JsonSerializer.SerializeToUtf8Bytes(o, Web))!.Id);
    }

    [Fact]
    public void Codes_read_from_many_documents_share_one_string()
    {
        var a = MatchFactsCodec.ReadOpportunity(MatchFactsCodec.Encode(FullOpportunity()))!;
        var b = MatchFactsCodec.ReadOpportunity(MatchFactsCodec.Encode(FullOpportunity()))!;
        Assert.Same(a.Sector, b.Sector);
        Assert.Same(a.Concepts[0], b.Concepts[0]);
        Assert.NotSame(a.ExternalRef, b.ExternalRef);
        Assert.Equal(a.ExternalRef, b.ExternalRef);
    }

    private static OpportunityDocument FullOpportunity() => new()
    {
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ExternalRef = "HLJ-2026-000123",
        Slug = "lesozavod-v-suifenhe",
        OriginalCulture = "ru",
        Texts = new Dictionary<string, OpportunityText> { ["ru"] = new("Лесозавод", null, null) },
        Labels = new Dictionary<string, string> { ["ru"] = "Лесная промышленность" },
        Tags = ["лес"],
        Sector = "forestry",
        Location = "suifenhe",
        LocationPath = ["suifenhe", "mudanjiang"],
        PartnerRegion = "primorsky",
        Modes = ["equity", "jv"],
        Stage = "approved",
        Amount = 12_345_678.90m,
        Currency = "RUB",
        AmountCny = 987_654.3210m,
        MinTicketCny = 50_000m,
        PublishedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 7, TimeSpan.FromHours(8)).AddTicks(1234),
        Concepts = ["timber", "sawmill", "木材加工"],
        IsDemo = true,
        Position = new GeoPoint(44.3967, 131.1478),
        NearestCrossingKm = 12.3,
        CrossingBands = ["50", "150"],
        NearbyCrossings = ["suifenhe-rail", "suifenhe-road"],
        CrossingBandKeys = ["suifenhe-rail:50", "suifenhe-rail:150"],
    };

    private static InvestorDocument FullInvestor() => new()
    {
        Id = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        ExternalRef = "INV-0042",
        Slug = "dalnevostochnyi-fond",
        OriginalCulture = "ru",
        Texts = new Dictionary<string, InvestorText> { ["ru"] = new("Фонд", null) },
        Labels = new Dictionary<string, string> { ["ru"] = "Фонд" },
        Kind = "fund",
        Country = "RU",
        HomeRegion = "khabarovsk",
        Languages = ["ru", "zh"],
        Sectors = ["forestry", "agriculture"],
        Locations = ["mudanjiang"],
        LocationPath = ["mudanjiang"],
        LocationScope = ["mudanjiang", "suifenhe"],
        Modes = ["equity"],
        TicketMinCny = 1_000_000m,
        TicketMaxCny = 25_000_000.5m,
        Concepts = ["timber"],
        UpdatedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(10)),
        IsDemo = true,
    };

    private static OpportunityDocument Facts(OpportunityDocument o) =>
        o with { Texts = new Dictionary<string, OpportunityText>(), Labels = new Dictionary<string, string>(), Tags = [] };

    private static InvestorDocument Facts(InvestorDocument i) =>
        i with { Texts = new Dictionary<string, InvestorText>(), Labels = new Dictionary<string, string>() };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Web);
}
