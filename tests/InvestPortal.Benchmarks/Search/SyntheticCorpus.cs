using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Taxonomy;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Benchmarks.Search;

/// <summary>
/// A deterministic synthetic catalogue: opportunity number <c>i</c> (and investor number <c>i</c>) is always the same
/// object, built from its own seeded <see cref="Random"/>, so the corpus is streamed (generated again for PostgreSQL,
/// for matching samples) and never held in memory as a whole. Codes come from content/taxonomy.json; texts in zh/ru/en
/// are assembled from glossary terms of the item's sector (plus place names, terms of neighbouring sectors and filler
/// words), so cross-language concepts, stemming and CJK bigrams all have real work to do. Language mix as in
/// content/demo: ≈78 % of opportunities in all three languages, ≈14 % zh only, ≈8 % ru only (investors: 73 / 13 / 13 %,
/// the single-language ones ru or zh). Everything is Published / Public.
/// </summary>
public sealed class SyntheticCorpus
{
    public const int DefaultSeed = 20260611;
    private static readonly DateTimeOffset Epoch = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _seed;
    private readonly PortalTaxonomy _taxonomy;
    private readonly Dictionary<string, List<GlossaryConcept>> _bySector;
    private readonly List<GlossaryConcept> _general;
    private readonly List<GlossaryConcept> _all;
    private readonly string[] _sectorCodes;
    private readonly string[] _locationCodes;
    private readonly double[] _locationWeights;

    public SyntheticCorpus(PortalTaxonomy taxonomy, GlossaryModel glossary, int seed = DefaultSeed)
    {
        _seed = seed;
        _taxonomy = taxonomy;
        _all = [.. glossary.Concepts.Where(c => c.Zh.Count > 0 && c.Ru.Count > 0 && c.En.Count > 0)];
        _bySector = _all.Where(c => c.Sector is not null).GroupBy(c => c.Sector!).ToDictionary(g => g.Key, g => g.ToList());
        _general = [.. _all.Where(c => c.Sector is null)];
        _sectorCodes = [.. taxonomy.Sectors.Select(s => s.Code)];
        _locationCodes = [.. taxonomy.Locations.Select(l => l.Code)];
        // Harbin and the border ports carry more listings than the rest, as in the demo data.
        _locationWeights = [.. _locationCodes.Select(c => c switch { "230100" => 5.0, "231100" or "231081" or "231000" => 3.0, "230881" or "232701" => 2.0, _ => 1.0 })];
    }

    public IReadOnlyList<GlossaryConcept> Concepts => _all;
    public PortalTaxonomy Taxonomy => _taxonomy;

    public static string OpportunityRef(int i) => $"SYN-OPP-{i:D6}";
    public static string InvestorRef(int i) => $"SYN-INV-{i:D6}";

    /// <summary>Opportunity number <paramref name="i"/> (0-based), Published.</summary>
    public Opportunity Opportunity(int i)
    {
        var r = new Random(Seed(1, i));
        var sector = _sectorCodes[r.Next(_sectorCodes.Length)];
        var location = Weighted(r, _locationCodes, _locationWeights);
        var concepts = PickConcepts(r, sector, r.Next(2, 6));
        var languages = r.NextDouble() switch
        {
            < 0.78 => Cultures.All,
            < 0.92 => [Cultures.Zh],
            _ => (IReadOnlyList<string>)[Cultures.Ru],
        };
        var original = languages.Count == 1 ? languages[0] : r.NextDouble() switch { < 0.6 => Cultures.Zh, < 0.85 => Cultures.Ru, _ => Cultures.En };
        var currency = r.NextDouble() switch { < 0.55 => "CNY", < 0.8 => "RUB", < 0.95 => "USD", _ => "EUR" };
        var cny = Math.Exp(Math.Log(5e6) + r.NextDouble() * (Math.Log(5e9) - Math.Log(5e6))); // 5 million … 5 billion CNY, log-uniform
        var total = Nice(currency switch { "RUB" => cny / 0.0885, "USD" => cny / 7.12, "EUR" => cny / 7.74, _ => cny });
        var published = Epoch.AddMinutes(-r.Next(0, 3 * 365 * 24 * 60));
        var id = Guid(r);
        var o = new Opportunity
        {
            Id = id,
            ExternalRef = OpportunityRef(i),
            Slug = $"syn-opp-{i}",
            Status = OpportunityStatus.Published,
            SectorCode = sector,
            LocationCode = location,
            PartnerRegionCode = r.NextDouble() < 0.85 ? _taxonomy.PartnerRegions[r.Next(_taxonomy.PartnerRegions.Count)].Code : null,
            TotalAmount = total,
            Currency = currency,
            MinTicket = r.NextDouble() < 0.5 ? Nice((double)total * (0.05 + r.NextDouble() * 0.4)) : null,
            CooperationModes = [.. Sample(r, _taxonomy.Modes, r.Next(1, 4)).Select(m => m.Code)],
            StageCode = r.NextDouble() < 0.9 ? _taxonomy.Stages[r.Next(_taxonomy.Stages.Count)].Code : null,
            Tags = [.. concepts.Take(r.Next(0, 4)).Select(c => c.En[0])],
            OriginalCulture = original,
            PublishedAt = published,
            CreatedAt = published.AddDays(-r.Next(1, 30)),
            UpdatedAt = published,
            ContactEmail = $"invest{i}@example.org",
        };
        var place = _taxonomy.Location(location)!;
        foreach (var culture in languages)
        {
            var (title, summary, description) = OpportunityTexts(r, culture, place, concepts);
            o.Translations.Add(new OpportunityTranslation { OpportunityId = id, Culture = culture, Title = title, Summary = summary, Description = description });
        }
        return o;
    }

    /// <summary>Investor profile number <paramref name="i"/> (0-based), Public.</summary>
    public InvestorProfile Investor(int i)
    {
        var r = new Random(Seed(2, i));
        var sectors = Sample(r, _sectorCodes, r.Next(1, 4)).ToList();
        var concepts = sectors.SelectMany(s => PickConcepts(r, s, r.Next(1, 4))).DistinctBy(c => c.Id).ToList();
        var country = r.NextDouble() switch { < 0.55 => "CN", < 0.95 => "RU", _ => new[] { "KZ", "HK", "SG", "DE" }[r.Next(4)] };
        var languages = r.NextDouble() switch
        {
            < 0.73 => Cultures.All,
            < 0.86 => [Cultures.Ru],
            _ => (IReadOnlyList<string>)[Cultures.Zh],
        };
        var original = languages.Count == 1 ? languages[0] : country == "RU" ? Cultures.Ru : country == "CN" ? Cultures.Zh : Cultures.En;
        var currency = r.NextDouble() switch { < 0.5 => "CNY", < 0.75 => "RUB", < 0.95 => "USD", _ => "EUR" };
        var maxCny = Math.Exp(Math.Log(2e7) + r.NextDouble() * (Math.Log(3e9) - Math.Log(2e7)));
        var rate = currency switch { "RUB" => 0.0885, "USD" => 7.12, "EUR" => 7.74, _ => 1.0 };
        var id = Guid(r);
        var updated = Epoch.AddMinutes(-r.Next(0, 2 * 365 * 24 * 60));
        var kind = (InvestorKind)r.Next(0, 5);
        var p = new InvestorProfile
        {
            Id = id,
            ExternalRef = InvestorRef(i),
            Slug = $"syn-inv-{i}",
            Kind = kind,
            Country = country,
            HomeRegion = country == "RU" && r.NextDouble() < 0.8 ? _taxonomy.PartnerRegions[r.Next(_taxonomy.PartnerRegions.Count)].Code : null,
            Languages = [.. languages],
            Sectors = sectors,
            Locations = [.. Sample(r, _locationCodes, r.Next(0, 5))],
            TicketMin = r.NextDouble() < 0.7 ? Nice(maxCny * (0.05 + r.NextDouble() * 0.3) / rate) : null,
            TicketMax = r.NextDouble() < 0.9 ? Nice(maxCny / rate) : null,
            TicketCurrency = currency,
            CooperationModes = [.. Sample(r, _taxonomy.Modes, r.Next(1, 4)).Select(m => m.Code)],
            Visibility = ProfileVisibility.Public,
            OriginalCulture = original,
            CreatedAt = updated.AddDays(-r.Next(1, 100)),
            UpdatedAt = updated,
        };
        var kindWord = KindWords[(int)kind];
        foreach (var culture in languages)
        {
            var lead = concepts[0];
            var name = culture switch
            {
                Cultures.Zh => $"{Term(r, lead, culture)}{Pick(r, NameZh)}{kindWord.Zh}",
                Cultures.Ru => $"{kindWord.Ru} «{Cap(Pick(r, NameRu))} {Term(r, lead, culture)}»",
                _ => $"{Cap(Pick(r, NameEn))} {Cap(Term(r, lead, culture))} {kindWord.En}",
            };
            p.Translations.Add(new InvestorProfileTranslation { InvestorProfileId = id, Culture = culture, Name = name, Description = Paragraph(r, culture, concepts, null, 3) });
        }
        return p;
    }

    // ---------- texts ----------

    private (string Title, string Summary, string Description) OpportunityTexts(Random r, string culture, TaxonomyTerm place, List<GlossaryConcept> concepts)
    {
        var a = Term(r, concepts[0], culture);
        var b = Term(r, concepts[1], culture);
        var placeLabel = place.Label(culture);
        var title = culture switch
        {
            Cultures.Zh => $"{placeLabel}{a}{Pick(r, FillerZh)}{b}{Pick(r, ProjectZh)}",
            Cultures.Ru => $"{Cap(Pick(r, ProjectRu))} {a} и {b} в {placeLabel}",
            _ => $"{placeLabel} {a} and {b} {Pick(r, ProjectEn)}",
        };
        return (title, Paragraph(r, culture, concepts, placeLabel, 1), Paragraph(r, culture, concepts, placeLabel, r.Next(3, 6)));
    }

    /// <summary><paramref name="sentences"/> sentences of 8–14 words, each with one or two glossary terms among filler.</summary>
    private static string Paragraph(Random r, string culture, List<GlossaryConcept> concepts, string? place, int sentences)
    {
        var sb = new System.Text.StringBuilder();
        for (var s = 0; s < sentences; s++)
        {
            var words = new List<string>();
            var length = r.Next(8, 15);
            for (var w = 0; w < length; w++)
                words.Add(r.NextDouble() < 0.2 ? Term(r, concepts[r.Next(concepts.Count)], culture)
                    : r.NextDouble() < 0.05 && place is not null ? place
                    : r.NextDouble() < 0.06 ? $"{r.Next(2, 900)}" + (culture == Cultures.Zh ? Pick(r, UnitsZh) : culture == Cultures.Ru ? " " + Pick(r, UnitsRu) : " " + Pick(r, UnitsEn))
                    : Pick(r, culture switch { Cultures.Zh => FillerZh, Cultures.Ru => FillerRu, _ => FillerEn }));
            if (culture == Cultures.Zh) sb.Append(string.Concat(words)).Append('。');
            else
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(Cap(string.Join(' ', words))).Append('.');
            }
        }
        return sb.ToString();
    }

    private static string Term(Random r, GlossaryConcept c, string culture)
    {
        var terms = c.Terms(culture);
        return terms[r.Next(terms.Count)];
    }

    private List<GlossaryConcept> PickConcepts(Random r, string sector, int count)
    {
        var own = _bySector.GetValueOrDefault(sector) ?? _all;
        var list = new List<GlossaryConcept>();
        while (list.Count < count)
        {
            var x = r.NextDouble();
            var pool = x < 0.75 ? own : x < 0.9 ? _general : _all;
            var c = pool[r.Next(pool.Count)];
            if (!list.Contains(c)) list.Add(c);
        }
        if (list[0].Sector != sector && own.Count > 0) list.Insert(0, own[r.Next(own.Count)]); // the title leads with the sector
        return list;
    }

    /// <summary>Deterministic across processes (HashCode.Combine is randomized per process).</summary>
    private int Seed(int stream, int i) => unchecked((int)((uint)_seed * 2654435761u ^ (uint)stream * 40503u ^ (uint)i * 2246822519u));

    private static T Weighted<T>(Random r, T[] items, double[] weights)
    {
        var x = r.NextDouble() * weights.Sum();
        for (var k = 0; k < items.Length; k++)
        {
            x -= weights[k];
            if (x <= 0) return items[k];
        }
        return items[^1];
    }

    private static IEnumerable<T> Sample<T>(Random r, IReadOnlyList<T> items, int count) =>
        items.OrderBy(_ => r.Next()).Take(Math.Min(count, items.Count)).ToList();

    private static string Pick(Random r, string[] words) => words[r.Next(words.Length)];

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static decimal Nice(double amount)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, amount))) - 2);
        return (decimal)(Math.Round(amount / magnitude) * magnitude);
    }

    private static Guid Guid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static readonly (string Zh, string Ru, string En)[] KindWords =
    [
        ("集团有限公司", "Группа компаний", "Group"),
        ("产业投资基金", "Инвестиционный фонд", "Investment Fund"),
        ("国有控股公司", "Государственная корпорация", "State Holding"),
        ("银行", "Банк", "Bank"),
        ("投资人", "Частный инвестор", "Private Investor"),
    ];

    private static readonly string[] NameZh = ["北方", "龙江", "远东", "兴安", "东宁", "松花江", "界江", "华俄", "中俄", "金桥"];
    private static readonly string[] NameRu = ["восток", "амур", "сибирь", "дальрос", "приморье", "хинган", "байкал", "тайга"];
    private static readonly string[] NameEn = ["northern", "amur", "far east", "silk road", "taiga", "eastern gate", "borderland", "ussuri"];
    private static readonly string[] ProjectZh = ["项目", "产业园", "生产基地", "建设项目", "合作项目", "加工厂"];
    private static readonly string[] ProjectRu = ["проект", "строительство завода", "создание производства", "индустриальный парк", "совместное предприятие"];
    private static readonly string[] ProjectEn = ["project", "plant", "industrial park", "production base", "joint venture", "facility"];
    private static readonly string[] UnitsZh = ["万吨", "公顷", "亿元", "个", "公里", "兆瓦"];
    private static readonly string[] UnitsRu = ["тыс. т", "га", "млн руб.", "км", "МВт", "рабочих мест"];
    private static readonly string[] UnitsEn = ["thousand t", "ha", "million yuan", "km", "MW", "jobs"];
    private static readonly string[] FillerZh =
    [
        "建设", "投资", "年产", "规划", "用地", "一期", "二期", "项目", "合作", "企业", "引进", "市场", "出口", "生产线", "配套",
        "设施", "完善", "政策", "扶持", "优惠", "税收", "园区", "现代化", "技术", "设备", "产能", "运营", "口岸", "边境", "俄方",
        "国内", "中方", "合资", "独资", "供应", "原料", "产品", "销售", "渠道", "融资", "回报", "预计", "实现", "产值", "利润",
        "就业", "岗位", "基础", "条件", "优势", "资源", "丰富", "交通", "便利", "距离", "公路", "铁路", "港口", "升级", "改造",
    ];
    private static readonly string[] FillerRu =
    [
        "строительство", "инвестиции", "мощность", "годовой", "участок", "первая", "очередь", "вторая", "проект", "сотрудничество",
        "компания", "привлечение", "рынок", "экспорт", "производственная", "линия", "инфраструктура", "льготы", "налоговые",
        "поддержка", "парк", "современный", "технологии", "оборудование", "эксплуатация", "пункт", "пропуска", "граница",
        "китайская", "российская", "сторона", "совместное", "предприятие", "поставки", "сырьё", "продукция", "сбыт", "каналы",
        "финансирование", "окупаемость", "ожидается", "выручка", "прибыль", "рабочие", "места", "условия", "преимущества",
        "ресурсы", "транспорт", "удобный", "расстояние", "автодорога", "железная", "дорога", "порт", "модернизация", "развитие",
    ];
    private static readonly string[] FillerEn =
    [
        "construction", "investment", "capacity", "annual", "site", "first", "phase", "second", "project", "cooperation", "company",
        "partner", "market", "export", "production", "line", "infrastructure", "incentives", "tax", "support", "park", "modern",
        "technology", "equipment", "operation", "border", "crossing", "chinese", "russian", "side", "joint", "supply", "raw",
        "materials", "products", "sales", "channels", "financing", "payback", "expected", "revenue", "profit", "jobs", "conditions",
        "advantages", "resources", "transport", "convenient", "distance", "highway", "railway", "port", "upgrade", "development",
        "the", "with", "for", "and", "of", "in", "to", "a",
    ];
}
