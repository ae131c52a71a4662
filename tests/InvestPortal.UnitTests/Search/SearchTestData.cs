using InvestPortal.Core.Geography;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Money;
using InvestPortal.Core.Search;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Testing;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.UnitTests.Search;

/// <summary>A small catalogue whose every fact the conformance tests rely on is visible here.</summary>
public static class SearchTestData
{
    public static readonly PortalTaxonomy Taxonomy = PortalTaxonomy.Load(Path.Combine(TestPaths.Content, "taxonomy.json"));

    /// <summary>1 USD = 7 CNY, 1 EUR = 8 CNY, 1 RUB = 0.1 CNY: round numbers so amounts are easy to check.</summary>
    public static readonly ExchangeRateTable Rates = new(
    [
        new ExchangeRate { Currency = "USD", AsOf = new DateOnly(2026, 1, 1), RateToCny = 7m },
        new ExchangeRate { Currency = "EUR", AsOf = new DateOnly(2026, 1, 1), RateToCny = 8m },
        new ExchangeRate { Currency = "RUB", AsOf = new DateOnly(2026, 1, 1), RateToCny = 0.1m },
    ]);

    public static readonly GlossaryModel Glossary = new(
    [
        new GlossaryConcept("timber", "forestry-timber", ["木材", "原木"], ["древесина", "лесоматериалы"], ["timber", "lumber", "logs"]),
        new GlossaryConcept("sawmill", "forestry-timber", ["锯材厂", "锯木厂"], ["лесопильный завод", "лесопилка"], ["sawmill"]),
        new GlossaryConcept("soybean", "agri-food", ["大豆", "黄豆"], ["соя", "соевые бобы"], ["soybean", "soy"]),
        new GlossaryConcept("cold-chain", "logistics", ["冷链"], ["холодовая цепь", "холодильный склад"], ["cold chain", "cold storage"]),
        new GlossaryConcept("solar", "energy", ["光伏", "太阳能"], ["солнечная энергия", "солнечная электростанция"], ["solar", "photovoltaic"]),
    ]);

    public static readonly BorderCrossings Crossings = BorderCrossings.Load(Path.Combine(TestPaths.Content, "border-crossings.json"));

    public static SearchSemantics Semantics() => new(Taxonomy, Rates, Glossary, Crossings);

    public static readonly Guid TimberZh = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid SoyRu = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid LogisticsEn = Guid.Parse("00000000-0000-0000-0000-000000000003");
    public static readonly Guid SolarAll = Guid.Parse("00000000-0000-0000-0000-000000000004");
    public static readonly Guid SawmillRu = Guid.Parse("00000000-0000-0000-0000-000000000005");

    /// <summary>
    /// Published:  TIMBER-ZH  forestry 231100 Heihe      RU-AMU jv+equity approved     300M CNY (min 50M)  2026-10-01  zh only
    ///             SOY-RU     agri     231081 Suifenhe   RU-PRI trade        feasibility 500M RUB = 50M   2026-09-01  ru only
    ///             LOGI-EN    logistics 231000 Mudanjiang  —    lease        construction 20M USD = 140M  2026-11-01  en only
    ///             SOLAR-ALL  energy   230600 Daqing       —    ppp          concept     10M EUR = 80M    2026-08-01  zh+ru+en
    ///             SAWMILL-RU forestry 232701 Mohe       RU-ZAB jv           expansion   900M RUB = 90M   2026-07-01  ru only
    /// Never indexable: DRAFT-1, PENDING-1, CLOSED-1, REJECTED-1 (all about "zeppelin" timber in Heihe).
    /// </summary>
    public static IReadOnlyList<Opportunity> Opportunities() =>
    [
        Opp(TimberZh, "TIMBER-ZH", "forestry-timber", "231100", "RU-AMU", 300_000_000, "CNY", 50_000_000, ["joint-venture", "equity"], "approved",
            new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            ("zh", "黑河木材加工园区", "原木进口与木材深加工", "利用阿穆尔州原木资源，建设木材深加工园区，生产家具和板材。")),
        Opp(SoyRu, "SOY-RU", "agri-food", "231081", "RU-PRI", 500_000_000, "RUB", null, ["trade"], "feasibility",
            new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero),
            ("ru", "Переработка сои в Суйфэньхэ", "Соевые бобы из Приморья перерабатываются в масло и шрот.", "Завод глубокой переработки соевых бобов на границе.")),
        Opp(LogisticsEn, "LOGI-EN", "logistics", "231000", null, 20_000_000, "USD", null, ["lease"], "construction",
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            ("en", "Cold chain logistics hub in Mudanjiang", "Warehousing & cold storage for cross-border trade, R&D <lab> included.", "A bonded warehouse with refrigerated rail sidings serving trains to Vladivostok.")),
        Opp(SolarAll, "SOLAR-ALL", "energy", "230600", null, 10_000_000, "EUR", null, ["ppp"], "concept",
            new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero),
            ("zh", "大庆光伏电站", "在废弃油田上建设光伏电站。", "装机容量200兆瓦。"),
            ("ru", "Солнечная электростанция в Дацине", "Строительство солнечной электростанции на выработанных нефтяных полях.", null),
            ("en", "Daqing solar power plant", "A photovoltaic plant on depleted oil fields.", "200 MW of capacity.")),
        Opp(SawmillRu, "SAWMILL-RU", "forestry-timber", "232701", "RU-ZAB", 900_000_000, "RUB", null, ["joint-venture"], "expansion",
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
            ("ru", "Лесопильный завод в Мохэ", "Расширение лесопилки для переработки лесоматериалов из Забайкалья.", null)),
    ];

    public static IReadOnlyList<Opportunity> NeverIndexable() =>
    [
        Unpublished("DRAFT-1", OpportunityStatus.Draft),
        Unpublished("PENDING-1", OpportunityStatus.PendingReview),
        Unpublished("CLOSED-1", OpportunityStatus.Closed),
        Unpublished("REJECTED-1", OpportunityStatus.Rejected),
    ];

    public static readonly Guid TimberInvestor = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid EnergyFund = Guid.Parse("10000000-0000-0000-0000-000000000002");
    public static readonly Guid TradeBank = Guid.Parse("10000000-0000-0000-0000-000000000003");

    public static IReadOnlyList<InvestorProfile> Investors() =>
    [
        Investor(TimberInvestor, "INV-TIMBER", InvestorKind.Corporate, "RU", "RU-AMU", ["forestry-timber"], ["231100"], 20_000_000, 200_000_000, "CNY",
            ["joint-venture"], ("ru", "Амурлес", "Заготовка и переработка древесины, ищем совместные проекты в Хэйхэ.")),
        Investor(EnergyFund, "INV-ENERGY", InvestorKind.Fund, "CN", null, ["energy"], ["230600"], 5_000_000, 20_000_000, "EUR",
            ["ppp", "equity"], ("en", "Northern Solar Fund", "Invests in solar and photovoltaic parks.")),
        Investor(TradeBank, "INV-TRADE", InvestorKind.Bank, "RU", "RU-PRI", ["agri-food", "cross-border-trade"], ["231000"], null, 1_000_000_000, "RUB",
            ["trade"], ("ru", "Приморский торговый банк", "Финансирование экспорта сои и зерна.")),
        Investor(Guid.Parse("10000000-0000-0000-0000-000000000004"), "INV-HIDDEN", InvestorKind.Individual, "CN", null, ["forestry-timber"], ["231100"], null, null, "CNY",
            ["joint-venture"], ("zh", "隐藏投资人", "木材"), ProfileVisibility.Hidden),
    ];

    public static async Task SeedAsync(ISearchEngine engine, SearchDocumentBuilder builder)
    {
        await engine.IndexOpportunitiesAsync(Opportunities().Select(builder.Build).OfType<OpportunityDocument>().ToList());
        await engine.IndexInvestorsAsync(Investors().Select(builder.Build).OfType<InvestorDocument>().ToList());
    }

    private static Opportunity Opp(Guid id, string externalRef, string sector, string location, string? partner, decimal amount, string currency,
        decimal? minTicket, List<string> modes, string? stage, DateTimeOffset published, params (string Culture, string Title, string? Summary, string? Description)[] texts)
    {
        var o = new Opportunity
        {
            Id = id, ExternalRef = externalRef, Slug = externalRef.ToLowerInvariant(), Status = OpportunityStatus.Published,
            SectorCode = sector, LocationCode = location, PartnerRegionCode = partner, TotalAmount = amount, Currency = currency,
            MinTicket = minTicket, CooperationModes = modes, StageCode = stage, PublishedAt = published, UpdatedAt = published,
            OriginalCulture = texts[0].Culture, ContactEmail = "invest@example.org",
        };
        foreach (var t in texts)
            o.Translations.Add(new OpportunityTranslation { OpportunityId = id, Culture = t.Culture, Title = t.Title, Summary = t.Summary, Description = t.Description });
        return o;
    }

    private static Opportunity Unpublished(string externalRef, OpportunityStatus status)
    {
        var o = Opp(Guid.NewGuid(), externalRef, "forestry-timber", "231100", null, 1_000_000, "CNY", null, ["joint-venture"], null,
            DateTimeOffset.UtcNow, ("en", $"Zeppelin timber yard {externalRef}", "Zeppelin logs in Heihe", null));
        o.Status = status;
        o.PublishedAt = status == OpportunityStatus.Closed ? DateTimeOffset.UtcNow : null;
        return o;
    }

    private static InvestorProfile Investor(Guid id, string externalRef, InvestorKind kind, string country, string? home, List<string> sectors,
        List<string> locations, decimal? min, decimal? max, string currency, List<string> modes, (string Culture, string Name, string Description) text,
        ProfileVisibility visibility = ProfileVisibility.Public)
    {
        var p = new InvestorProfile
        {
            Id = id, ExternalRef = externalRef, Slug = externalRef.ToLowerInvariant(), Kind = kind, Country = country, HomeRegion = home,
            Sectors = sectors, Locations = locations, TicketMin = min, TicketMax = max, TicketCurrency = currency, CooperationModes = modes,
            OriginalCulture = text.Culture, Visibility = visibility, UpdatedAt = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        };
        p.Translations.Add(new InvestorProfileTranslation { InvestorProfileId = id, Culture = text.Culture, Name = text.Name, Description = text.Description });
        return p;
    }
}
