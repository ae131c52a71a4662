using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

public sealed record ApiInvestment(decimal Total, string Currency, decimal? MinTicket);

/// <summary>One opportunity in the list shape of DOMAIN.md; texts in the requested language (or the original).</summary>
public sealed record ApiOpportunityItem(
    Guid Id, string ExternalRef, string Slug, string Title, string? Summary, string Sector, string Location,
    ApiInvestment Investment, string Url, double? Score, IReadOnlyList<string> Highlights, string Language, bool IsDemo)
{
    public static ApiOpportunityItem From(Opportunity o, string lang, double? score = null, IReadOnlyList<string>? highlights = null)
    {
        var text = o.For(lang);
        return new ApiOpportunityItem(o.Id, o.ExternalRef, o.Slug, text?.Title ?? o.ExternalRef, text?.Summary, o.SectorCode, o.LocationCode,
            new ApiInvestment(o.TotalAmount, o.Currency, o.MinTicket), $"/{lang}/opportunities/{o.Slug}", score, highlights ?? [],
            text?.Culture ?? o.OriginalCulture, o.IsDemo);
    }
}

/// <summary>The full opportunity: every text it has, in every language, plus codes and dates. No personal contact data.</summary>
public sealed record ApiOpportunityDetail(
    Guid Id, string ExternalRef, string Slug, string Status, string Sector, string Location, string? PartnerRegion,
    ApiInvestment Investment, IReadOnlyList<string> CooperationModes, string? Stage, IReadOnlyList<string> Tags,
    string Organization, string OriginalLanguage, DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Summary, IReadOnlyDictionary<string, string> Description,
    IReadOnlyDictionary<string, string> Urls, bool IsDemo)
{
    public static ApiOpportunityDetail From(Opportunity o) => new(
        o.Id, o.ExternalRef, o.Slug, "published", o.SectorCode, o.LocationCode, o.PartnerRegionCode,
        new ApiInvestment(o.TotalAmount, o.Currency, o.MinTicket), o.CooperationModes, o.StageCode, o.Tags,
        o.Organization?.Name ?? "", o.OriginalCulture, o.PublishedAt,
        o.Translations.ToDictionary(t => t.Culture, t => t.Title),
        o.Translations.Where(t => t.Summary is not null).ToDictionary(t => t.Culture, t => t.Summary!),
        o.Translations.Where(t => t.Description is not null).ToDictionary(t => t.Culture, t => t.Description!),
        Cultures.All.ToDictionary(c => c, c => $"/{c}/opportunities/{o.Slug}"), o.IsDemo);
}

public sealed record ApiPage<T>(long Total, int Page, int PageSize, IReadOnlyList<T> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Facets);

public sealed record ApiTaxonomyTerm(string Code, string? Parent, IReadOnlyDictionary<string, string> Labels)
{
    public static ApiTaxonomyTerm From(TaxonomyTerm t) => new(t.Code, t.Parent, t.Labels);
}
