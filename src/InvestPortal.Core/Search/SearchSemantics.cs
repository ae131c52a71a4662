using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;
using InvestPortal.Core.Money;
using InvestPortal.Core.Taxonomy;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Core.Search;

/// <summary>
/// The meaning of a query, decided once in Core so both engines agree: filters resolved (locations expanded
/// to their children, amounts converted to CNY), text cleaned and mapped to glossary concepts, paging clamped.
///
/// Text semantics every engine implements: a document matches the text when, in at least one culture c,
/// at least <see cref="MinimumShouldMatch"/> of the query's tokens (as analyzed by c's analyzer) occur in
/// the document's <c>AllText(c)</c>, OR when it shares a concept with the query. Ranking boosts title hits
/// (<see cref="TitleBoost"/>) and concept hits (<see cref="ConceptBoost"/>). Empty text (or text with no letter
/// or digit) matches every document.
/// </summary>
public sealed class SearchSemantics(PortalTaxonomy taxonomy, Func<ExchangeRateTable> rates, Func<GlossaryModel> glossary,
    BorderCrossings? crossings = null)
{
    public const int MaxTextLength = 500;
    public const int MaxQueryTokens = 64;
    public const int MaxQueryConcepts = 32;
    /// <summary>No page reaches past this many results (Elasticsearch's default result window).</summary>
    public const int MaxResultWindow = 10_000;
    public const float TitleBoost = 3f;
    public const float ConceptBoost = 2f;

    public SearchSemantics(PortalTaxonomy taxonomy, ExchangeRateTable rates, GlossaryModel glossary, BorderCrossings? crossings = null)
        : this(taxonomy, () => rates, () => glossary, crossings) { }

    public PortalTaxonomy Taxonomy => taxonomy;
    /// <summary>The border crossings distances are measured to; none when not given (then no listing is near one).</summary>
    public BorderCrossings Crossings { get; } = crossings ?? new BorderCrossings([]);
    public ExchangeRateTable Rates => rates();
    public GlossaryModel Glossary => glossary();

    /// <summary>Tokens needed per culture: ceil(75%) for up to 4 tokens would be too strict on bigrams, so floor(75%), at least 1.</summary>
    public static int MinimumShouldMatch(int tokenCount) => Math.Max(1, tokenCount * 3 / 4);

    /// <summary>Trimmed, capped, control characters removed; null when nothing searchable (no letter or digit) is left.</summary>
    public static string? NormalizeText(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Length > MaxTextLength ? raw[..MaxTextLength] : raw;
        text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text = text[..^1];
        return text.Any(char.IsLetterOrDigit) ? text : null;
    }

    public OpportunitySearchPlan Plan(OpportunityQuery q)
    {
        var text = NormalizeText(q.Text);
        var (page, pageSize) = Paging(q.Page, q.PageSize);
        var currency = Rates.Knows(q.Currency ?? "") ? q.Currency! : ExchangeRateTable.BaseCurrency;
        return new OpportunitySearchPlan(
            text,
            text is null ? [] : Glossary.ConceptsIn(text).Take(MaxQueryConcepts).ToList(),
            Codes(q.Sectors),
            Codes(q.Locations).SelectMany(taxonomy.LocationWithChildren).Distinct().ToList(),
            Codes(q.PartnerRegions),
            Codes(q.Modes),
            Codes(q.Stages),
            q.MinAmount is { } min ? Rates.ToCny(min, currency) : null,
            q.MaxAmount is { } max ? Rates.ToCny(max, currency) : null,
            Codes(q.Facets).Where(FacetGroups.Opportunity.Contains).ToList(),
            q.Sort, page, pageSize, Cultures.IsSupported(q.Culture) ? q.Culture : Cultures.En)
        {
            WithinKm = q.WithinKm is { } km && BorderCrossings.DistanceBands.Contains(km) ? km : null,
            Crossings = Codes(q.Crossings),
            CrossingPositions = Codes(q.Crossings).Select(Crossings.Find).OfType<BorderCrossing>().ToDictionary(c => c.Code, c => c.Position),
        };
    }

    public InvestorSearchPlan Plan(InvestorQuery q)
    {
        var text = NormalizeText(q.Text);
        var (page, pageSize) = Paging(q.Page, q.PageSize);
        return new InvestorSearchPlan(
            text,
            text is null ? [] : Glossary.ConceptsIn(text).Take(MaxQueryConcepts).ToList(),
            Codes(q.Sectors),
            Codes(q.Locations).SelectMany(taxonomy.LocationWithChildren).Distinct().ToList(),
            Codes(q.Kinds),
            Codes(q.Countries).Select(c => c.ToUpperInvariant()).Distinct().ToList(),
            Codes(q.Facets).Where(FacetGroups.Investor.Contains).ToList(),
            q.Sort is SearchSort.Newest ? SearchSort.Newest : SearchSort.Relevance,
            page, pageSize, Cultures.IsSupported(q.Culture) ? q.Culture : Cultures.En);
    }

    private static (int Page, int PageSize) Paging(int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, OpportunityQuery.MaxPageSize);
        page = Math.Clamp(page, 1, MaxResultWindow / pageSize);
        return (page, pageSize);
    }

    private static List<string> Codes(IReadOnlyList<string>? codes) =>
        (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().Take(100).ToList();
}
