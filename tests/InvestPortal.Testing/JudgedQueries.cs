using InvestPortal.Core.Domain;

namespace InvestPortal.Testing;

/// <summary>
/// The judged relevance set over content/demo/opportunities.jsonl: the unit test holds the engines to its
/// thresholds and the benchmark reports it at scale. Relevant externalRefs are written without <see cref="RefPrefix"/>;
/// the comments say which languages a listing is written in.
/// </summary>
public static class JudgedQueries
{
    public const string RefPrefix = "DEMO-HLJ-";

    /// <summary>Published demo listings that are pending, closed or drafts: never in any result.</summary>
    public static readonly IReadOnlyList<string> NeverShown = ["DEMO-HLJ-0013", "DEMO-HLJ-0019", "DEMO-HLJ-0028", "DEMO-HLJ-0031"];

    public static readonly IReadOnlyList<(string Query, string[] Relevant)> Judged =
    [
        ("soybean", ["0001", "0021"]),
        ("соя", ["0001", "0021"]),
        ("大豆", ["0001", "0021"]),
        ("blueberry", ["0003"]),                    // zh only
        ("черника", ["0003"]),                      // ru → zh only
        ("蓝莓", ["0003"]),
        ("timber processing", ["0006", "0007", "0008"]),
        ("древесина", ["0006", "0007", "0008"]),
        ("木材加工", ["0006", "0007", "0008"]),
        ("wood pellets", ["0007"]),                 // en → ru only
        ("颗粒燃料", ["0007"]),                     // zh → ru only
        ("LNG storage", ["0009"]),
        ("сжиженный природный газ", ["0009"]),
        ("液化天然气", ["0009"]),
        ("hydrogen", ["0011"]),                     // en → zh only (0019 is pending and must not count)
        ("водород", ["0011"]),
        ("wind power", ["0011"]),
        ("coking coal", ["0016"]),                  // en → ru only
        ("焦煤", ["0016"]),                         // zh → ru only
        ("graphite", ["0015", "0017", "0018"]),
        ("графит", ["0015", "0017", "0018"]),
        ("石墨", ["0015", "0017", "0018"]),
        ("battery anode materials", ["0017"]),
        ("iron ore", ["0014"]),
        ("железная руда", ["0014"]),
        ("dairy", ["0002"]),
        ("молочная продукция", ["0002"]),
        ("乳制品", ["0002"]),
        ("cold chain", ["0004", "0024"]),
        ("холодовая цепь", ["0004", "0024"]),
        ("冷链", ["0004", "0024"]),
        ("cross-border e-commerce", ["0025"]),
        ("跨境电商", ["0025"]),
        ("customs declaration platform", ["0035"]), // en → ru only
        ("报关", ["0035"]),                          // zh → ru only
        ("aurora resort Mohe", ["0030"]),
        ("туризм", ["0029", "0030"]),
        ("旅游", ["0029", "0030"]),
        ("herbal medicine", ["0033"]),              // en → zh only
        ("лекарственные растения", ["0033"]),       // ru → zh only
        ("data centre", ["0034"]),
        ("центр обработки данных", ["0034"]),
        ("数据中心", ["0034"]),
        ("railcar components", ["0020"]),
        ("tractors", ["0021"]),
        ("拖拉机", ["0021"]),
        ("mineral water", ["0005"]),
        ("Heihe", ["0001", "0009", "0025", "0026"]),
        ("Суйфэньхэ", ["0004", "0006", "0023", "0027", "0035"]),
        ("同江", ["0008", "0014", "0022"]),
        ("biopharmaceutical", ["0032"]),
        ("зона свободной торговли", ["0026"]),
    ];

    /// <summary>Language of a query: Han characters → zh, Cyrillic → ru, otherwise en.</summary>
    public static string LanguageOf(string query) =>
        query.Any(c => c >= '\u4e00' && c <= '\u9fff') ? Cultures.Zh : query.Any(c => c is >= '\u0400' and <= '\u04ff') ? Cultures.Ru : Cultures.En;
}
