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
        ("soybean", ["0001", "0021", "0042"]),
        ("соя", ["0001", "0021", "0042"]),
        ("大豆", ["0001", "0021", "0042"]),
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
        ("туризм", ["0029", "0030", "0046", "0052"]),
        ("旅游", ["0029", "0030", "0046", "0052"]),
        ("herbal medicine", ["0033"]),              // en → zh only
        ("лекарственные растения", ["0033"]),       // ru → zh only
        ("data centre", ["0034"]),
        ("центр обработки данных", ["0034"]),
        ("数据中心", ["0034"]),
        ("railcar components", ["0020"]),
        ("tractors", ["0021"]),
        ("拖拉机", ["0021"]),
        ("mineral water", ["0005"]),
        ("Heihe", ["0001", "0009", "0025", "0026", "0052"]),
        ("Суйфэньхэ", ["0004", "0006", "0023", "0027", "0035", "0047"]),
        ("同江", ["0008", "0014", "0022"]),
        ("biopharmaceutical", ["0032"]),
        ("зона свободной торговли", ["0026"]),
        // Places written in another transliteration: Palladius and everyday Russian forms, hyphens, pinyin with spaces.
        ("Хейхе", ["0001", "0009", "0025", "0026", "0052"]),
        ("Хэй-хэ", ["0001", "0009", "0025", "0026", "0052"]),
        ("Hei He", ["0001", "0009", "0025", "0026", "0052"]),
        ("Суйфыньхэ", ["0004", "0006", "0023", "0027", "0035", "0047"]),
        ("Суйфэнь-хэ", ["0004", "0006", "0023", "0027", "0035", "0047"]),
        ("Sui Fen He", ["0004", "0006", "0023", "0027", "0035", "0047"]),
        ("绥芬河", ["0004", "0006", "0023", "0027", "0035", "0047"]),
        ("Бейань", ["0038"]),                     // ru (Бэйань)
        ("Bei'an", ["0038"]),                     // en → ru only
        ("北安", ["0038"]),                        // zh → ru only
        ("Жаохе", ["0037"]),                      // ru → zh only
        ("Raohe", ["0037"]),
        ("Фу Юань", ["0029", "0039"]),
        ("Fu Yuan", ["0029", "0039"]),
        ("Сюньке", ["0042"]),                     // ru → en only
        ("Xun Ke", ["0042"]),
        ("Мишань", ["0040"]),                     // ru → zh only
        ("Хулинь", ["0044"]),
        ("Нэхэ", ["0045"]),                       // ru → en only
        ("讷河", ["0045"]),                        // zh → en only
        ("Неньцзян", ["0048"]),                   // ru → en only
        ("嫩江市", ["0048"]),
        ("Линьдянь", ["0046"]),                   // ru → zh only
        ("Lin Dian", ["0046"]),
        ("Шуаньяшань", ["0011", "0050"]),
        ("Shuang Ya Shan", ["0011", "0050"]),
        ("Фуцзинь", ["0051"]),                    // ru → en only
        ("Цзямусы", ["0021", "0041"]),
        ("Дуннин", ["0007", "0036", "0043"]),
        ("Цицихаэр", ["0020", "0045"]),
        ("Tsitsihar", ["0020", "0045"]),
        ("Хаэрбинь", ["0024", "0032", "0034"]),
        // Border crossings and historical names of Russian towns.
        ("Покровка", ["0037"]),                   // ru → zh only (波克罗夫卡)
        ("пункт пропуска Покровка", ["0037"]),
        ("抚远口岸", ["0039"]),                    // zh → en only
        ("Поярково", ["0042"]),                   // ru → en only
        ("逊克口岸", ["0042"]),
        ("Турий Рог", ["0040"]),                  // ru → zh only
        ("Dangbi", ["0040"]),
        ("虎林口岸", ["0044"]),                    // zh → ru only
        ("Markovo", ["0044"]),
        ("佳木斯港", ["0041"]),                    // zh → ru only
        ("Jiamusi river port", ["0041"]),
        ("海兰泡", ["0025", "0026", "0052"]),
        ("跨境索道", ["0052"]),
        // Commodities and facilities found only in another language's text.
        ("мёд", ["0037", "0027"]),                // ru → zh only; not copper (медь)
        ("honey", ["0037", "0027"]),
        ("royal jelly", ["0037"]),
        ("солод", ["0038"]),
        ("malt", ["0038"]),                       // en → ru only
        ("麦芽", ["0038"]),
        ("oats", ["0038"]),
        ("燕麦", ["0038"]),
        ("大麦", ["0038"]),
        ("осётр", ["0039"]),                      // ru → en only
        ("鲟鱼", ["0039"]),
        ("икра", ["0039"]),
        ("треска", ["0040", "0004"]),             // ru → zh only
        ("herring", ["0040"]),
        ("калийные удобрения", ["0041"]),
        ("钾肥", ["0041"]),                        // zh → ru only
        ("potash fertilizer", ["0041"]),
        ("рапс", ["0042"]),                       // ru → en only
        ("油菜籽", ["0042"]),
        ("понтонный мост", ["0042"]),
        ("wood ear mushroom", ["0043"]),          // en → zh only
        ("黑木耳", ["0043"]),
        ("картофельный крахмал", ["0045"]),       // ru → en only
        ("马铃薯淀粉", ["0045"]),
        ("hot springs", ["0046"]),                // en → zh only
        ("термальные источники", ["0046"]),
        ("羽绒服", ["0047"]),                      // zh → ru only
        ("down jackets", ["0047"]),
        ("медь", ["0048"]),                       // ru → en only; not honey (мёд)
        ("铜精矿", ["0048"]),
        ("молибден", ["0048"]),
        ("каустическая сода", ["0049"]),          // ru → zh only
        ("caustic soda", ["0049"]),
        ("ПВХ", ["0049"]),
        ("соль", ["0049"]),                       // ru → zh only (工业盐)
        ("томаты", ["0050"]),
        ("番茄", ["0050"]),                        // zh → ru only
        ("cucumbers", ["0050"]),
        ("рис", ["0051"]),                        // ru → en only; short stem, exact forms
        ("大米加工", ["0051"]),
    ];

    /// <summary>
    /// Queries no listing answers: each must return nothing at all. Several are short Russian words whose stem other words
    /// share (чай/часть, сера/серый), or goods the catalogue does not offer in any language.
    /// </summary>
    public static readonly IReadOnlyList<string> Negatives =
    [
        "чай", "кофе", "табак", "tobacco", "烟草", "казино", "golf", "водка", "vodka", "алмазы", "diamonds", "铀矿",
        "helicopters", "вертолёты", "шёлк", "silk", "сера", "лён", "мех", "платина",
    ];

    /// <summary>Language of a query: Han characters → zh, Cyrillic → ru, otherwise en.</summary>
    public static string LanguageOf(string query) =>
        query.Any(c => c >= '\u4e00' && c <= '\u9fff') ? Cultures.Zh : query.Any(c => c is >= '\u0400' and <= '\u04ff') ? Cultures.Ru : Cultures.En;
}
