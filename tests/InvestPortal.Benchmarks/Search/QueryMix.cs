using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Search;

namespace InvestPortal.Benchmarks.Search;

/// <summary>One benchmark query: an opportunity search (as the web page sends it) or an investor search.</summary>
public sealed record BenchQuery(string Category, OpportunityQuery? Opportunities, InvestorQuery? Investors)
{
    public bool HasText => !string.IsNullOrWhiteSpace(Opportunities?.Text ?? Investors?.Text);
}

/// <summary>
/// A deterministic, varied query mix: text in zh / ru / en (glossary terms, so most are cross-language: a Russian word
/// must also find zh-only listings through concepts), two-term and free-word phrases, words no listing contains, each
/// filter alone, filter combinations with and without text, all four sorts, pages 2–10 and deep pages up to the
/// 10 000-hit window, and investor searches. Every opportunity query asks for all facet groups, page size 20, as
/// /{c}/opportunities does (OpportunitySearchForm); investor queries ask for FacetGroups.Investor.
/// </summary>
public sealed class QueryMix(SyntheticCorpus corpus)
{
    private static readonly string[] Nonsense = ["qwxzv", "флюгегехаймен", "zzyzx plover", "量子引力透镜", "blorptastic widget"];
    private static readonly string[] FreeWordsEn = ["modern plant", "export market", "railway port", "joint production line", "border crossing"];
    private static readonly string[] FreeWordsRu = ["современный завод", "экспорт продукции", "железная дорога порт", "пункт пропуска"];
    private static readonly string[] FreeWordsZh = ["生产线", "出口市场", "铁路口岸", "现代化园区"];

    public IReadOnlyList<BenchQuery> Generate(int count, int seed)
    {
        var list = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++) list.Add(One(new Random(seed * 7919 + i)));
        return list;
    }

    /// <summary>
    /// The long tail: searches no cache has seen. Never repeated within a run (unique by everything but the page), drawn as
    /// new visitors search: <paramref name="broad"/> false — one or two glossary terms in zh / ru / en, a sector filter
    /// half of the time and a location a third of the time (selective: a few % of the catalogue); true — free words plus
    /// a term, which match most listings. All four sorts, pages 1–3, all facet groups, page size 20.
    /// </summary>
    public IReadOnlyList<BenchQuery> LongTail(int count, int seed, bool broad)
    {
        var list = new List<BenchQuery>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var t = corpus.Taxonomy;
        for (var i = 0; list.Count < count && i < count * 50; i++)
        {
            var r = new Random(seed * 15485863 + i * 2 + (broad ? 1 : 0));
            var culture = Cultures.All[r.Next(3)];
            string text;
            if (broad)
            {
                var free = culture switch { Cultures.Zh => FreeWordsZh, Cultures.Ru => FreeWordsRu, _ => FreeWordsEn };
                text = $"{free[r.Next(free.Length)]} {TermText(r, 1, culture)}";
            }
            else text = TermText(r, r.NextDouble() < 0.7 ? 1 : 2, culture);
            var q = new OpportunityQuery
            {
                Text = text, Culture = Cultures.All[r.Next(3)], Facets = FacetGroups.Opportunity, PageSize = OpportunityQuery.DefaultPageSize,
            };
            if (r.NextDouble() < 0.5) q = q with { Sectors = [t.Sectors[r.Next(t.Sectors.Count)].Code] };
            if (r.NextDouble() < 0.33) q = q with { Locations = [t.Locations[r.Next(t.Locations.Count)].Code] };
            var s = r.NextDouble();
            q = q with
            {
                Sort = s < 0.65 ? SearchSort.Relevance : s < 0.8 ? SearchSort.Newest : s < 0.9 ? SearchSort.AmountAscending : SearchSort.AmountDescending,
            };
            var p = r.NextDouble();
            q = q with { Page = p < 0.7 ? 1 : p < 0.9 ? 2 : 3 };
            if (!seen.Add(System.Text.Json.JsonSerializer.Serialize(q with { Page = 1 }))) continue;
            list.Add(new BenchQuery(broad ? "long tail: broad (free words + term)" : "long tail: selective (1-2 terms, sector/location)", q, null));
        }
        return list;
    }

    /// <summary>Saved searches as investors set them up for alerts: mostly a few words plus a filter or two, some filters only.</summary>
    public IReadOnlyList<OpportunityQuery> SavedSearches(int count, int seed)
    {
        var list = new List<OpportunityQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var r = new Random(seed * 104729 + i);
            var text = r.NextDouble() < 0.7 ? TermText(r, r.NextDouble() < 0.8 ? 1 : 2) : null;
            var q = WithFilters(r, new OpportunityQuery { Text = text, Culture = Cultures.All[r.Next(3)] }, text is null ? r.Next(1, 4) : r.Next(0, 3));
            list.Add(q);
        }
        return list;
    }

    private BenchQuery One(Random r)
    {
        var culture = Cultures.All[r.Next(3)];
        var x = r.NextDouble();
        if (x < 0.12) return Investor(r, culture);
        string category;
        var q = new OpportunityQuery { Culture = culture, Facets = FacetGroups.Opportunity, PageSize = OpportunityQuery.DefaultPageSize };
        if (x < 0.20)
        {
            category = "browse (no text, no filter)";
        }
        else if (x < 0.50)
        {
            var (text, kind) = Text(r);
            q = q with { Text = text };
            category = $"text: {kind}";
        }
        else if (x < 0.70)
        {
            var n = r.NextDouble() < 0.6 ? 1 : r.Next(2, 4);
            q = WithFilters(r, q, n, out var groups);
            category = n == 1 ? $"filter only: {groups}" : "filters only: 2-3 groups";
        }
        else
        {
            var (text, _) = Text(r);
            q = WithFilters(r, q with { Text = text }, r.Next(1, 4), out _);
            category = "text + filters";
        }
        var s = r.NextDouble();
        q = q with
        {
            Sort = s < 0.65 ? SearchSort.Relevance : s < 0.8 ? SearchSort.Newest : s < 0.9 ? SearchSort.AmountAscending : SearchSort.AmountDescending,
        };
        var p = r.NextDouble();
        if (p > 0.94)
        {
            q = q with { Page = r.Next(50, 501) };
            category = "deep page (50-500)";
        }
        else if (p > 0.8) q = q with { Page = r.Next(2, 11) };
        else if (q.Sort != SearchSort.Relevance && r.NextDouble() < 0.5) category = $"sort: {q.Sort}";
        return new BenchQuery(category, q, null);
    }

    private BenchQuery Investor(Random r, string culture)
    {
        var q = new InvestorQuery { Culture = culture, Facets = FacetGroups.Investor };
        if (r.NextDouble() < 0.6) q = q with { Text = TermText(r, 1) };
        var t = corpus.Taxonomy;
        if (r.NextDouble() < 0.5) q = q with { Sectors = [t.Sectors[r.Next(t.Sectors.Count)].Code] };
        if (r.NextDouble() < 0.3) q = q with { Locations = [t.Locations[r.Next(t.Locations.Count)].Code] };
        if (r.NextDouble() < 0.2) q = q with { Kinds = [InvestorKinds.All[r.Next(InvestorKinds.All.Count)]] };
        if (r.NextDouble() < 0.2) q = q with { Countries = [r.NextDouble() < 0.5 ? "RU" : "CN"] };
        if (r.NextDouble() < 0.2) q = q with { Sort = SearchSort.Newest };
        if (r.NextDouble() < 0.15) q = q with { Page = r.Next(2, 20) };
        return new BenchQuery("investor search", null, q);
    }

    private (string Text, string Kind) Text(Random r)
    {
        var x = r.NextDouble();
        var culture = Cultures.All[r.Next(3)];
        if (x < 0.5) return (TermText(r, 1, culture), $"one glossary term ({culture})");
        if (x < 0.72) return (TermText(r, 2, culture), $"two glossary terms ({culture})");
        if (x < 0.82)
        {
            var loc = corpus.Taxonomy.Locations[r.Next(corpus.Taxonomy.Locations.Count)];
            return (culture == Cultures.Zh ? loc.Label(culture) + TermText(r, 1, culture) : $"{loc.Label(culture)} {TermText(r, 1, culture)}", $"place + term ({culture})");
        }
        if (x < 0.94)
        {
            var free = culture switch { Cultures.Zh => FreeWordsZh, Cultures.Ru => FreeWordsRu, _ => FreeWordsEn };
            return ($"{free[r.Next(free.Length)]} {TermText(r, 1, culture)}", $"free words + term ({culture})");
        }
        return (Nonsense[r.Next(Nonsense.Length)], "no match");
    }

    private string TermText(Random r, int terms, string? culture = null)
    {
        culture ??= Cultures.All[r.Next(3)];
        var words = new List<string>();
        for (var k = 0; k < terms; k++)
        {
            var c = corpus.Concepts[r.Next(corpus.Concepts.Count)];
            var all = c.Terms(culture);
            words.Add(all[r.Next(all.Count)]);
        }
        return string.Join(culture == Cultures.Zh ? "" : " ", words);
    }

    private OpportunityQuery WithFilters(Random r, OpportunityQuery q, int groups) => WithFilters(r, q, groups, out _);

    private OpportunityQuery WithFilters(Random r, OpportunityQuery q, int groups, out string names)
    {
        var t = corpus.Taxonomy;
        var chosen = new[] { "sector", "location", "partnerRegion", "mode", "stage", "amount" }.OrderBy(_ => r.Next()).Take(groups).ToList();
        names = string.Join("+", chosen);
        foreach (var g in chosen)
        {
            q = g switch
            {
                "sector" => q with { Sectors = [.. t.Sectors.OrderBy(_ => r.Next()).Take(r.NextDouble() < 0.8 ? 1 : 2).Select(s => s.Code)] },
                // Prefectures often (children included by Core), county-level cities sometimes.
                "location" => q with { Locations = [t.Locations[r.Next(t.Locations.Count)].Code] },
                "partnerRegion" => q with { PartnerRegions = [t.PartnerRegions[r.Next(t.PartnerRegions.Count)].Code] },
                "mode" => q with { Modes = [.. t.Modes.OrderBy(_ => r.Next()).Take(r.NextDouble() < 0.7 ? 1 : 2).Select(m => m.Code)] },
                "stage" => q with { Stages = [t.Stages[r.Next(t.Stages.Count)].Code] },
                _ => Amount(r, q),
            };
        }
        return q;
    }

    private static OpportunityQuery Amount(Random r, OpportunityQuery q)
    {
        var currency = new[] { "CNY", "RUB", "USD", "EUR" }[r.Next(4)];
        var unit = currency switch { "RUB" => 1e9m, "CNY" => 1e8m, _ => 1e7m };
        var min = r.NextDouble() < 0.7 ? (decimal?)(unit * r.Next(1, 10)) : null;
        var max = min is null || r.NextDouble() < 0.5 ? (decimal?)((min ?? 0) + unit * r.Next(5, 60)) : null;
        return q with { MinAmount = min, MaxAmount = max, Currency = currency };
    }
}
