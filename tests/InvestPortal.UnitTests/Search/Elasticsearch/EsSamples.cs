using InvestPortal.Core.Search;

namespace InvestPortal.UnitTests.Search.Elasticsearch;

/// <summary>Small documents written out by hand, so the expected _bulk lines can be written by hand too.</summary>
public static class EsSamples
{
    public static readonly Guid TimberId = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid FundId = Guid.Parse("10000000-0000-0000-0000-000000000002");
    public static readonly Guid SavedA = Guid.Parse("5a000000-0000-0000-0000-00000000000a");
    public static readonly Guid SavedB = Guid.Parse("5b000000-0000-0000-0000-00000000000b");

    public static OpportunityDocument Timber => new()
    {
        Id = TimberId,
        ExternalRef = "TIMBER-ZH",
        Slug = "timber-zh",
        OriginalCulture = "zh",
        Texts = new Dictionary<string, OpportunityText> { ["zh"] = new("黑河木材加工园区", "原木进口", null) },
        Labels = new Dictionary<string, string> { ["zh"] = "林业", ["ru"] = "Лесное хозяйство", ["en"] = "Forestry" },
        Tags = ["FSC"],
        Sector = "forestry-timber",
        Location = "231100",
        LocationPath = ["231100"],
        PartnerRegion = "RU-AMU",
        Modes = ["joint-venture", "equity"],
        Stage = "approved",
        Amount = 300_000_000m,
        Currency = "CNY",
        AmountCny = 300_000_000m,
        MinTicketCny = 50_000_000m,
        PublishedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
        Concepts = ["timber"],
    };

    public static InvestorDocument Fund => new()
    {
        Id = FundId,
        ExternalRef = "INV-ENERGY",
        Slug = "inv-energy",
        OriginalCulture = "en",
        Texts = new Dictionary<string, InvestorText> { ["en"] = new("Northern Solar Fund", "Invests in solar parks.") },
        Labels = new Dictionary<string, string> { ["zh"] = "能源", ["ru"] = "Энергетика", ["en"] = "Energy" },
        Kind = "fund",
        Country = "CN",
        Sectors = ["energy"],
        Locations = ["230600"],
        LocationPath = ["230600"],
        LocationScope = ["230600", "230621"],
        Modes = ["ppp"],
        TicketMinCny = 40_000_000m,
        TicketMaxCny = 160_000_000m,
        Concepts = ["solar"],
        UpdatedAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
